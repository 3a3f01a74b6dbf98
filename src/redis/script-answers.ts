import type Bottleneck from 'bottleneck';

type ScriptCallback = (error: Error | null, replies: unknown) => void;
interface ScriptArgs {
  __scriptArgs__(name: string, id: string, args: unknown[], callback: ScriptCallback): unknown[];
}

/**
 * Whether Redis answers the scripts Bottleneck sends through one connection. A Redis that stalls (stopped, busy, or
 * cut off without a reset) keeps its connections "ready" and reports no error: only the answers that do not come
 * tell. Listeners hear when a script is sent while none was owed (`false`) and every answer (`true` unless an error).
 */
export class ScriptAnswers {
  readonly #listeners = new Set<(served: boolean) => void>();
  #owed = 0;

  /** Whether scripts sent are still waiting for their answer. */
  get owed(): boolean {
    return this.#owed > 0;
  }

  /** Follows every script of `connection` (each script's callback passes through `__scriptArgs__`). */
  watch(connection: Bottleneck.IORedisConnection): void {
    const scripts = connection as unknown as ScriptArgs;
    const original = scripts.__scriptArgs__.bind(connection);
    scripts.__scriptArgs__ = (name, id, args, callback) => {
      if (this.#owed++ === 0) this.#tell(false);
      return original(name, id, args, (error, replies) => {
        this.#owed--;
        this.#tell(!error);
        callback(error, replies);
      });
    };
  }

  /** Calls `listener` as described above; returns a function that stops it. */
  listen(listener: (served: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #tell(served: boolean): void {
    for (const listener of this.#listeners) listener(served);
  }
}
