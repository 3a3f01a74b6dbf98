import type { Cluster, Redis } from 'ioredis';

type RedisClient = Redis | Cluster;

/** ioredis announces each status as an event of the same name; these are the ones that change readiness. */
const STATUS_EVENTS = ['ready', 'close', 'reconnecting', 'end'] as const;

/**
 * Follows the clients a clustered Bottleneck talks through (commands and pub/sub) and calls `onChange(up)` each
 * time "every client is ready" turns true or false. Returns a function that stops watching.
 */
export function watchConnections(
  clients: readonly RedisClient[],
  onChange: (up: boolean) => void,
): () => void {
  let up = allReady(clients);
  const update = () => {
    if (allReady(clients) === up) return;
    up = !up;
    onChange(up);
  };
  for (const client of clients) for (const event of STATUS_EVENTS) client.on(event, update);
  return () => {
    for (const client of clients) for (const event of STATUS_EVENTS) client.off(event, update);
  };
}

export function allReady(clients: readonly RedisClient[]): boolean {
  return clients.every((client) => client.status === 'ready');
}
