// The smoke scenario every runtime runs, unchanged: plain JavaScript on the public API only. The SDK comes in as
// `sdk` so each runtime loads it its own way (import, require, a bundle); the result is plain JSON for the host to
// check against the sandbox's state.

export const PAGE_SIZE = 100;
export const TRIGGER_AMOUNT = 1234;

/**
 * @param {object} input
 * @param {{ RuleClient: Function, SequenceClient: Function, SequencePlatformClient: Function, NotFoundError: Function }} input.sdk
 * @param {{ baseUrl: string, apiKey: string }} input.rule The Rule sandbox endpoint.
 * @param {{ baseUrl: string, apiKey: string }} input.sequence The Sequence sandbox endpoint.
 * @param {{ baseUrl: string, apiKey: string }} input.platform The Sequence Platform sandbox endpoint.
 * @param {string} input.email The subscriber to create.
 * @param {object} [input.clientOptions] Extra client options (the browser passes `dangerouslyAllowBrowser`).
 */
export async function smoke({
  sdk,
  rule: ruleEndpoint,
  sequence: sequenceEndpoint,
  platform: platformEndpoint,
  email,
  clientOptions = {},
}) {
  const rule = new sdk.RuleClient({ ...ruleEndpoint, ...clientOptions });
  const sequence = new sdk.SequenceClient({ ...sequenceEndpoint, ...clientOptions });
  const platform = new sdk.SequencePlatformClient({
    ...platformEndpoint,
    ...clientOptions,
    calledReason: 'ruleseq runtime smoke',
  });

  const created = await rule.subscribers.create({ subscriber: { email }, tags: ['Runtime smoke'] });

  const pageSizes = [];
  let createdListed = false;
  for await (const page of rule.subscribers.list({ limit: PAGE_SIZE }).iterPages()) {
    pageSizes.push(page.data.length);
    createdListed ||= page.data.some((subscriber) => subscriber.email === email);
  }

  const rules = await sequence.rules.list();
  const manual = rules.find((r) => r.status === 'enabled' && r.trigger_type === 'MANUAL');
  const triggered = manual
    ? await sequence.rules.trigger(manual.id, { manual_execute_amount: TRIGGER_AMOUNT })
    : undefined;

  let notFound;
  try {
    await rule.subscribers.get({ email: `missing-${email}` });
  } catch (error) {
    notFound = {
      isNotFoundError: error instanceof sdk.NotFoundError,
      name: error.name,
      status: error.status,
      code: error.code,
      leaksKey: JSON.stringify({ message: error.message, url: error.url }).includes(ruleEndpoint.apiKey),
    };
  }

  // Sequence Platform: a pod's transfers page by page, then a dry-run transfer followed to its final status.
  const pods = (await platform.accounts.list({ type: 'POD' })).data;
  const transferPages = [];
  for await (const page of platform.transfers.list({ accountIds: [pods[0].id] }).iterPages()) {
    transferPages.push(page.data.length);
  }
  const dryRun = await platform.transfers.create({
    sourceAccountId: pods[0].id,
    destinationAccountId: pods[1].id,
    amountInCents: TRIGGER_AMOUNT,
    simulation: true,
  });
  const settled = await platform.transfers.waitForTransfer(dryRun.id, { intervalMs: 50 });

  return {
    created: { id: created.id, email: created.email },
    platform: {
      podId: pods[0].id,
      transferPages,
      dryRun: { id: settled.id, status: settled.status, executionMode: settled.executionMode },
    },
    pageSizes,
    createdListed,
    triggered: triggered && { ruleId: manual.id, executionId: triggered.execution_id },
    notFound,
  };
}
