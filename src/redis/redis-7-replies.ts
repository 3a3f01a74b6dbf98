import type Bottleneck from 'bottleneck';

/** The script errors Bottleneck 2.19.5 recovers from, by comparing the whole message. */
const RECOVERABLE = /^ERR (SETTINGS_KEY_NOT_FOUND|UNKNOWN_CLIENT)$/;

type ScriptCallback = (error: Error | null, replies: unknown) => void;
interface ScriptArgs {
  __scriptArgs__(name: string, id: string, args: unknown[], callback: ScriptCallback): unknown[];
}

/**
 * Makes Bottleneck recover on Redis 7 when the cluster's keys are gone (idle past their expiry, a restart without
 * persistence, an eviction). Bottleneck re-registers its settings on `SETTINGS_KEY_NOT_FOUND` and its client on
 * `UNKNOWN_CLIENT`, matching the exact message; Redis 7 prefixes script errors with `ERR `, so both became
 * permanent failures. Every script's callback passes through `__scriptArgs__`, where the prefix is taken off.
 */
export function acceptRedis7Replies(connection: Bottleneck.IORedisConnection): void {
  const scripts = connection as unknown as ScriptArgs;
  const original = scripts.__scriptArgs__.bind(connection);
  scripts.__scriptArgs__ = (name, id, args, callback) =>
    original(name, id, args, (error, replies) => callback(error && asBottleneckExpects(error), replies));
}

function asBottleneckExpects(error: Error): Error {
  const recoverable = RECOVERABLE.exec(error.message);
  return recoverable ? new Error(recoverable[1], { cause: error }) : error;
}
