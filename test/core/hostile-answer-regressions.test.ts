import { describe, expect, it } from 'vitest';
import { ConnectionError } from '../../src/core/errors/connection-error.js';
import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { RuleClient } from '../../src/rule/client.js';
import { CANARY_KEY, captureLogger } from '../helpers/test-transport.js';

// Answers the hostile-answers property (test/property/hostile-answers.test.ts) found mishandled, one case each.

function ruleClient(fetch: typeof globalThis.fetch, logger = captureLogger()) {
  return new RuleClient({
    apiKey: CANARY_KEY,
    fetch,
    rateLimit: false,
    maxRetries: 0,
    logger,
    logLevel: 'debug',
  });
}

const subscriber = { subscriber: { email: 'ada@example.com' }, tags: ['News'] };

describe('a fetch that rejects with something other than an Error', () => {
  it.each([
    ['a string', `proxy refused ${CANARY_KEY}`],
    ['undefined', undefined],
  ])('rejecting with %s is a ConnectionError, with the key masked', async (_, thrown) => {
    const client = ruleClient(async () => {
      throw thrown;
    });
    const error = await client.tags.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(String((error as Error).message)).not.toContain(CANARY_KEY);
  });
});

describe('a request id header that echoes the key', () => {
  it('is masked on the result and in the log line', async () => {
    const logger = captureLogger();
    const client = ruleClient(
      async () => Response.json({ tags: [], meta: [] }, { headers: { 'x-request-id': CANARY_KEY } }),
      logger,
    );
    const page = await client.tags.list();
    expect(page.requestId).toBe('***');
    expect(logger.lines.join('\n')).not.toContain(CANARY_KEY);
  });
});

describe('an answer nested deeper than JSON.stringify can recurse', () => {
  const deep = (open: string, close: string) => `${open.repeat(20_000)}1${close.repeat(20_000)}`;

  it('to a write: the write still succeeds, and the debug warning says it cannot show the body', async () => {
    const logger = captureLogger();
    const client = ruleClient(async () => new Response(deep('[', ']'), { status: 200 }), logger);
    await expect(client.subscribers.create(subscriber)).resolves.toBeDefined();
    expect(logger.lines.join('\n')).toContain('too deep to show');
  });

  it('as an error body with a nested message: the typed error for its status', async () => {
    const client = ruleClient(async () => new Response(deep('{"message":', '}'), { status: 400 }));
    await expect(client.tags.list()).rejects.toMatchObject({ status: 400 });
  });

  it('as an iCloudReady error body with a nested message: the typed error for its status', async () => {
    const client = new ICloudReadyClient({
      apiKey: CANARY_KEY,
      rateLimit: false,
      maxRetries: 0,
      fetch: async () => new Response(deep('{"message":', '}'), { status: 422 }),
    });
    await expect(client.sequences.retrieve('s1')).rejects.toMatchObject({ status: 422 });
  });

  it('as iCloudReady list items without ids: the listing compares pages without a RangeError', async () => {
    const items = `[${deep('[', ']')},${deep('[', ']')}]`;
    const client = new ICloudReadyClient({
      apiKey: CANARY_KEY,
      rateLimit: false,
      maxRetries: 0,
      validateResponses: false,
      logLevel: 'off',
      fetch: async () => new Response(items, { headers: { 'content-type': 'application/json' } }),
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of client.sequences.list({ limit: 2 })) seen.push(item);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PaginationError' });
    expect(seen).toHaveLength(2);
  });
});
