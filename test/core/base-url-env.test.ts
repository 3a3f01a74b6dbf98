// The sandbox prints `export RULE_API_KEY=… RULE_BASE_URL=…`. A client that read only the key sent the sandbox's key
// (or a real one) to production: every client reads its `*_BASE_URL`, under the same rules as the `baseUrl` option.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../src/core/errors/index.js';
import { ICloudReadyClient } from '../../src/icloudready/index.js';
import { RuleClient } from '../../src/rule/index.js';
import { SequenceClient } from '../../src/sequence/index.js';
import {
  createICloudReadyFake,
  createRuleFake,
  createSequenceFake,
  type Sandbox,
  startSandbox,
} from '../../src/testing/index.js';

/** The URL a fetch was called with (the SDK hands fetch a `Request`). */
const urlOf = (input: RequestInfo | URL | undefined) =>
  input instanceof Request ? input.url : String(input);

let sandbox: Sandbox;
const sent: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ fakes: [createRuleFake(), createSequenceFake(), createICloudReadyFake()] });
});
afterAll(() => sandbox.close());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  sent.length = 0;
});

/** Records the URL of every request the clients make through the global `fetch`, then lets it through. */
function recordRequests(): void {
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    sent.push(urlOf(input));
    return realFetch(input, init);
  });
}

function useSandboxEnv(name: 'rule' | 'sequence' | 'icloudready'): string {
  const { apiKey, baseUrl } = sandbox.endpoint(name);
  vi.stubEnv(`${name.toUpperCase()}_API_KEY`, apiKey);
  vi.stubEnv(`${name.toUpperCase()}_BASE_URL`, baseUrl);
  return new URL(baseUrl).origin;
}

describe('RULE_BASE_URL', () => {
  it('sends v2 and v3 calls of `new RuleClient()` to it and nothing to app.rule.io', async () => {
    const origin = useSandboxEnv('rule');
    recordRequests();
    const rule = new RuleClient();

    await rule.subscribers.create({ subscriber: { email: 'env@example.com' }, tags: ['Env'] });
    await rule.subscribers.block([{ email: 'env@example.com' }]);

    expect(sent).toHaveLength(2);
    for (const url of sent) expect(new URL(url).origin).toBe(origin);
    expect(sent.map((url) => new URL(url).pathname)).toEqual([
      '/api/v2/subscribers',
      '/api/v3/subscribers/block',
    ]);
    const stored = (sandbox.endpoint('rule').fake as ReturnType<typeof createRuleFake>).state.subscribers;
    expect(stored.some((s) => s.email === 'env@example.com')).toBe(true);
  });

  it('loses to an explicit baseUrl option', async () => {
    useSandboxEnv('rule');
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
      Response.json({ message: 'Success' }),
    );
    const rule = new RuleClient({ baseUrl: 'https://rule.example.test/api/v2', fetch, maxRetries: 0 });

    await rule.subscribers.tags.add({ email: 'a@example.com' }, ['VIP']);

    expect(new URL(urlOf(fetch.mock.calls[0]?.[0])).origin).toBe('https://rule.example.test');
  });

  it('is refused as plain http off loopback, naming the variable, unless allowInsecureHttp', () => {
    vi.stubEnv('RULE_API_KEY', 'key-1');
    vi.stubEnv('RULE_BASE_URL', 'http://rule.example.test/api/v2');

    expect(() => new RuleClient()).toThrow(ConfigurationError);
    expect(() => new RuleClient()).toThrow(/RULE_BASE_URL http:\/\/rule\.example\.test/);
    expect(() => new RuleClient({ allowInsecureHttp: true })).not.toThrow();
  });

  it('names the variable when it is not a URL or does not end in /v2', () => {
    vi.stubEnv('RULE_API_KEY', 'key-1');
    vi.stubEnv('RULE_BASE_URL', '127.0.0.1:4790');
    expect(() => new RuleClient()).toThrow('RULE_BASE_URL is not an absolute URL');
    vi.stubEnv('RULE_BASE_URL', 'http://127.0.0.1:4790');
    expect(() => new RuleClient()).toThrow('RULE_BASE_URL must end in /v2');
  });

  it('is ignored when empty', async () => {
    vi.stubEnv('RULE_BASE_URL', '');
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
      Response.json({ message: 'Success' }),
    );
    const rule = new RuleClient({ apiKey: 'key-1', fetch, maxRetries: 0 });

    await rule.subscribers.tags.add({ email: 'a@example.com' }, ['VIP']);

    expect(urlOf(fetch.mock.calls[0]?.[0])).toMatch(/^https:\/\/app\.rule\.io\/api\/v2\//);
  });
});

it('SEQUENCE_BASE_URL sends `new SequenceClient()` to it', async () => {
  const origin = useSandboxEnv('sequence');
  recordRequests();

  const accounts = await new SequenceClient().accounts.list();

  expect(accounts.length).toBeGreaterThan(0);
  expect(sent.map((url) => new URL(url).origin)).toEqual([origin]);
});

it('ICLOUDREADY_BASE_URL sends `new ICloudReadyClient()` to it', async () => {
  const origin = useSandboxEnv('icloudready');
  recordRequests();

  const created = await new ICloudReadyClient().sequences.create({ name: 'From the environment' });

  expect(created.name).toBe('From the environment');
  expect(sent.map((url) => new URL(url).origin)).toEqual([origin]);
});

it('applies the http rules to SEQUENCE_BASE_URL and ICLOUDREADY_BASE_URL too', () => {
  vi.stubEnv('SEQUENCE_API_KEY', 'key-1');
  vi.stubEnv('SEQUENCE_BASE_URL', 'http://seq.example.test/api/v1');
  vi.stubEnv('ICLOUDREADY_API_KEY', 'key-1');
  vi.stubEnv('ICLOUDREADY_BASE_URL', 'http://icr.example.test/api/v2');

  expect(() => new SequenceClient()).toThrow(/SEQUENCE_BASE_URL http:/);
  expect(() => new ICloudReadyClient()).toThrow(/ICLOUDREADY_BASE_URL http:/);
});

describe('a runtime that refuses to read the environment (Deno without --allow-env)', () => {
  /** Deno's `process.env` throws `NotCapable` on every read it was not granted. */
  function withEnvRefused<T>(build: () => T): T {
    const refusing = new Proxy(process, {
      get: (target, key) =>
        key === 'env'
          ? new Proxy(
              {},
              {
                get: (_, name) => {
                  throw new Error(
                    `Requires env access to "${String(name)}", run again with the --allow-env flag`,
                  );
                },
              },
            )
          : Reflect.get(target, key),
    });
    vi.stubGlobal('process', refusing);
    try {
      return build();
    } finally {
      vi.unstubAllGlobals();
    }
  }

  it('says the variable could not be read, rather than only asking to set it', () => {
    vi.stubEnv('RULE_API_KEY', 'key-set-but-unreadable');
    const error = withEnvRefused(() => {
      try {
        new RuleClient();
      } catch (thrown) {
        return thrown;
      }
    });

    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      'No API key: pass apiKey or set the RULE_API_KEY environment variable, which this runtime refused to read ' +
        '(Deno: --allow-env=RULE_API_KEY,RULE_BASE_URL,RULESEQ_LOG)',
    );
  });

  it('still starts with the key passed as an option', () => {
    expect(withEnvRefused(() => new SequenceClient({ apiKey: 'key-1' }))).toBeInstanceOf(SequenceClient);
  });

  it('keeps the plain message where the variable is simply unset', () => {
    vi.stubEnv('ICLOUDREADY_API_KEY', undefined);
    expect(() => new ICloudReadyClient()).toThrow(
      /^No API key: pass apiKey or set the ICLOUDREADY_API_KEY environment variable$/,
    );
  });
});
