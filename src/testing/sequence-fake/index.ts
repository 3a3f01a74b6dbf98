export { createSequenceFake, type SequenceFakeOptions } from './create-sequence-fake.js';
export type {
  AccountRecord,
  CardRecord,
  CardTransactionRecord,
  ExecutionRecord,
  IdempotencyRecord,
  RuleRecord,
  SequenceFakeState,
  TransferRecord,
} from './model.js';
