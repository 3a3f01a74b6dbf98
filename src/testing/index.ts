/**
 * `ruleseq/testing`: test your integration without the vendors' servers. Stateful in-memory fakes of the Rule,
 * Sequence (API v1 and Platform v1) and iCloudReady APIs as fetch handlers, and a loopback sandbox server (Node) that serves them.
 *
 * @example
 * const rule = createRuleFake();
 * const client = new RuleClient({ apiKey: rule.apiKey, fetch: fakeFetch(rule) });
 * await client.subscribers.create({ subscriber: { email: 'a@example.com' }, tags: ['Test'] });
 * expect(rule.state.subscribers).toHaveLength(251); // 250 seeded + 1
 */
export { type FakeApi, type FakeFault, type FakeFaults, type FakeOptions, fakeFetch } from './fake-api.js';
export * from './icloudready-fake/index.js';
export * from './rule-fake/index.js';
export {
  type Sandbox,
  type SandboxEndpoint,
  type SandboxOptions,
  startSandbox,
} from './sandbox/start-sandbox.js';
export * from './sequence-fake/index.js';
export * from './sequence-platform-fake/index.js';
