import { fork } from 'node:child_process';

/**
 * Starts loopback-server.mjs in its own process with `options` and resolves once it listens. `stats(query)` asks
 * the server what it saw; `stop()` ends it.
 */
export async function startServer(options) {
  const child = fork(new URL('./loopback-server.mjs', import.meta.url), [JSON.stringify(options)]);
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`benchmark server exited with code ${code}`)));
  });
  let nextId = 0;
  return {
    baseUrl: ready.baseUrl,
    apiKey: ready.apiKey,
    stats(query = {}) {
      const id = ++nextId;
      return new Promise((resolve) => {
        const onMessage = (message) => {
          if (message.id !== id) return;
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.send({ id, type: 'stats', ...query });
      });
    },
    stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      return exited;
    },
  };
}
