/** A throwaway redis-server (see redis-server.mjs). */
export interface RedisServer {
  url: string;
  port: number;
  version: string;
  /** `SHUTDOWN SAVE` (the data survives a restart) or `SHUTDOWN NOSAVE`; resolves once the process has exited. */
  shutdown(options: { save: boolean }): Promise<void>;
  /** Starts the server again on the same port and directory, unless it is running. */
  start(): Promise<void>;
  /** Kills the server and removes its directory. */
  stop(): void;
  /** Stops the process (SIGSTOP): it answers nothing, its connections stay open. */
  freeze(): void;
  /** Lets a frozen process go on (SIGCONT). */
  thaw(): void;
}

export function startRedisServer(): Promise<RedisServer>;
