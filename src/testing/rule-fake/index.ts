export { createRuleFake, type RuleFakeOptions } from './create-rule-fake.js';
export type {
  FakeCampaign,
  FakeSubscriber,
  FakeSuppression,
  FakeTag,
  FakeTransaction,
  RuleFakeState,
} from './state.js';
