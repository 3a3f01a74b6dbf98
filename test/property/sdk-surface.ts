import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

/** How a call ended. A synchronous throw breaks `.safe()`, which needs a promise to call it on. */
export type Outcome =
  | { kind: 'resolved'; value: unknown }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'threw'; error: unknown };

/** One public method of a client, by its path (`rule.subscribers.tags.add`). */
export interface PublicMethod {
  path: string;
  /** Calls the method on fresh clients that send through `fetch`, and awaits what it returns. */
  invoke(fetch: typeof globalThis.fetch, args: readonly unknown[]): Promise<Outcome>;
}

type Clients = Record<'rule' | 'sequence' | 'icloudready', object>;

/** Clients as a test wants them: the canary key, no retries, no limiter, silent. */
function clientsFor(fetch: typeof globalThis.fetch): Clients {
  const options = {
    apiKey: CANARY_KEY,
    fetch,
    maxRetries: 0,
    rateLimit: false as const,
    logLevel: 'off' as const,
  };
  return {
    rule: new RuleClient(options),
    sequence: new SequenceClient(options),
    icloudready: new ICloudReadyClient(options),
  };
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

function resolve(clients: Clients, path: string): { target: Record<string, unknown>; name: string } {
  const parts = path.split('.');
  const name = parts.pop()!;
  const target = parts.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], clients);
  return { target: target as Record<string, unknown>, name };
}

/** Every public method of the three clients. */
export function publicMethods(): PublicMethod[] {
  const probe = clientsFor(globalThis.fetch);
  return Object.entries(probe).flatMap(([client, instance]) =>
    methodPaths(instance, `${client}.`).map((path) => ({
      path,
      invoke: async (fetch, args) => {
        const { target, name } = resolve(clientsFor(fetch), path);
        let returned: unknown;
        try {
          returned = (target[name] as (...a: unknown[]) => unknown).apply(target, [...args]);
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
