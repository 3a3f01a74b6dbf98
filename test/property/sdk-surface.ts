import type { ClientOptions } from '../../src/core/client-options.js';
import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { SequencePlatformClient } from '../../src/sequence-platform/client.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

/** How a call ended. A synchronous throw breaks `.safe()`, which needs a promise to call it on. */
export type Outcome =
  | { kind: 'resolved'; value: unknown }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'threw'; error: unknown };

/** One public method of a client, by its path (`rule.subscribers.tags.add`). */
export interface PublicMethod {
  path: string;
  /**
   * Calls the method on fresh clients that send through `fetch`, and awaits what it returns. `options` replace the
   * clients' test defaults.
   */
  invoke(fetch: typeof globalThis.fetch, args: readonly unknown[], options?: ClientOptions): Promise<Outcome>;
  /** Calls the method as `invoke` does and returns what it returned (a listing's `PagePromise`), unawaited. */
  call(fetch: typeof globalThis.fetch, args: readonly unknown[], options?: ClientOptions): unknown;
}

export type ClientName = 'rule' | 'sequence' | 'icloudready' | 'sequencePlatform';
type Clients = Record<ClientName, object>;

const CLIENTS = {
  rule: RuleClient,
  sequence: SequenceClient,
  icloudready: ICloudReadyClient,
  sequencePlatform: SequencePlatformClient,
};

/** Clients as a test wants them: the canary key, no retries, no limiter, silent; `overrides` change that. */
function clientsFor(
  fetch: typeof globalThis.fetch,
  names: readonly ClientName[],
  overrides?: ClientOptions,
): Partial<Clients> {
  const options = {
    apiKey: CANARY_KEY,
    fetch,
    maxRetries: 0,
    rateLimit: false as const,
    logLevel: 'off' as const,
    ...overrides,
  };
  return Object.fromEntries(names.map((name) => [name, new CLIENTS[name](options)]));
}

/** The methods reachable from an object: those of its class, then those of its resource properties. */
function methodPaths(target: object, prefix: string): string[] {
  const own = Object.getOwnPropertyNames(Object.getPrototypeOf(target)).filter(
    (name) => name !== 'constructor' && typeof (target as Record<string, unknown>)[name] === 'function',
  );
  const nested = Object.entries(target).flatMap(([key, value]) =>
    // `transport` is internal plumbing, reachable only because JavaScript has no protected fields.
    key !== 'transport' &&
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) !== Object.prototype
      ? methodPaths(value, `${prefix}${key}.`)
      : [],
  );
  return [...own.map((name) => `${prefix}${name}`), ...nested];
}

function resolve(clients: Partial<Clients>, path: string): { target: Record<string, unknown>; name: string } {
  const parts = path.split('.');
  const name = parts.pop()!;
  const target = parts.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], clients);
  return { target: target as Record<string, unknown>, name };
}

/** Every public method of the named clients (by default the three whose operations the spec oracle knows). */
export function publicMethods(
  names: readonly ClientName[] = ['rule', 'sequence', 'icloudready'],
): PublicMethod[] {
  const probe = clientsFor(globalThis.fetch, names);
  return Object.entries(probe).flatMap(([client, instance]) =>
    methodPaths(instance, `${client}.`).map((path) => ({
      path,
      call: (fetch, args, options) => {
        const { target, name } = resolve(clientsFor(fetch, names, options), path);
        return (target[name] as (...a: unknown[]) => unknown).apply(target, [...args]);
      },
      async invoke(fetch, args, options) {
        let returned: unknown;
        try {
          returned = this.call(fetch, args, options);
        } catch (error) {
          return { kind: 'threw', error };
        }
        try {
          return { kind: 'resolved', value: await returned };
        } catch (error) {
          return { kind: 'rejected', error };
        }
      },
    })),
  );
}
