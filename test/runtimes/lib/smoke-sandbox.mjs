// The host side of the smoke scenario: a fresh sandbox per runtime (so runtimes can run at once without seeing
// each other's writes), the input the runtime gets, and the checks of its result against the fakes' state.
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { PAGE_SIZE, TRIGGER_AMOUNT } from '../scenario.mjs';

const TAG = 'Runtime smoke';

/** Page sizes a listing of `total` items yields at `size` per page. */
const pagesOf = (total, size) =>
  Array.from({ length: Math.ceil(total / size) }, (_, i) => Math.min(size, total - i * size));

/**
 * Starts the seeded Rule, Sequence and Sequence Platform fakes (the Rule seed holds 250 subscribers, so with the
 * one the scenario creates the listing spans 3 pages) from `testing`, the installed package's `ruleseq/testing`.
 */
export async function startSmokeSandbox(testing, runtime) {
  const sandbox = await testing.startSandbox({
    fakes: [testing.createRuleFake(), testing.createSequenceFake(), testing.createSequencePlatformFake()],
  });
  const rule = sandbox.endpoint('rule');
  const sequence = sandbox.endpoint('sequence');
  const platform = sandbox.endpoint('sequence-platform');
  const email = `${runtime.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.com`;
  return {
    input: {
      rule: { baseUrl: rule.baseUrl, apiKey: rule.apiKey },
      sequence: { baseUrl: sequence.baseUrl, apiKey: sequence.apiKey },
      platform: { baseUrl: platform.baseUrl, apiKey: platform.apiKey },
      email,
    },
    /** Throws unless the runtime's result matches what the fakes saw. */
    verify(result) {
      const ruleState = rule.fake.state;
      const stored = ruleState.subscribers.find((s) => s.email === email);
      ok(stored, `subscriber ${email} is not in the fake's state`);
      deepStrictEqual(result.created, { id: stored.id, email });
      const tag = ruleState.tags.find((t) => t.name === TAG);
      ok(tag && stored.tags.includes(tag.id), `subscriber ${email} lacks the tag ${TAG}`);

      const expectedPages = pagesOf(ruleState.subscribers.length, PAGE_SIZE);
      strictEqual(expectedPages.length, 3, 'the seed no longer spans exactly 3 pages');
      deepStrictEqual(result.pageSizes, expectedPages, 'pages seen with for await');
      ok(result.createdListed, 'the created subscriber was not listed');

      const execution = sequence.fake.state.executions.find((e) => e.id === result.triggered?.executionId);
      ok(execution, `no execution ${result.triggered?.executionId} in the Sequence fake`);
      strictEqual(execution.rule_id, result.triggered.ruleId);
      strictEqual(execution.trigger_details.amount_in_cents, TRIGGER_AMOUNT);

      const platformState = platform.fake.state;
      const live = platformState.transfers.filter(
        (t) =>
          t.executionMode === 'LIVE' && [t.source?.id, t.destination?.id].includes(result.platform.podId),
      );
      deepStrictEqual(result.platform.transferPages, pagesOf(live.length, 10), 'Platform transfer pages');
      const dryRun = platformState.transfers.find((t) => t.id === result.platform.dryRun.id);
      ok(dryRun, `no transfer ${result.platform.dryRun.id} in the Platform fake`);
      strictEqual(dryRun.amountInCents, TRIGGER_AMOUNT);
      deepStrictEqual(result.platform.dryRun, {
        id: dryRun.id,
        status: 'COMPLETE',
        executionMode: 'SIMULATION',
      });
      const called = platformState.auditLogs.filter((entry) => entry.action === 'CREATE_TRANSFER');
      strictEqual(called.length, 1, 'the dry run reached the Platform fake once');

      deepStrictEqual(result.notFound, {
        isNotFoundError: true,
        name: 'NotFoundError',
        status: 404,
        code: 'NotFound',
        leaksKey: false,
      });
    },
    close: () => sandbox.close(),
  };
}
