export {
  createSequencePlatformFake,
  type SequencePlatformFakeOptions,
} from './create-sequence-platform-fake.js';
export type {
  AccountRecord as PlatformAccountRecord,
  ExecutionRecord as PlatformExecutionRecord,
  PlatformFakeKey,
  PlatformFakePermission,
  PlatformFakeState,
  RuleRecord as PlatformRuleRecord,
  TransferRecord as PlatformTransferRecord,
} from './model.js';
