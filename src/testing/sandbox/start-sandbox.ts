import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeApi } from '../fake-api.js';
import { preflight, withCors } from './cors.js';

/** Where one fake API is served. */
export interface SandboxEndpoint {
  name: string;
  /** The API's base URL on the sandbox, to pass as a client's `baseUrl`. */
  baseUrl: string;
  apiKey: string;
  fake: FakeApi;
}

export interface Sandbox {
  endpoints: SandboxEndpoint[];
  /** The endpoint of the fake with this name (`'rule'`, `'sequence'`, `'icloudready'`). */
  endpoint(name: string): SandboxEndpoint;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** The fakes to serve; each gets its own loopback origin, as each real API has its own host. */
  fakes: FakeApi[];
  /** First port to use (the next fakes take the following ports); default: any free port. */
  port?: number;
  host?: string;
}

/**
 * Serves fake APIs over real HTTP on loopback (one port per API) with CORS for browser apps. Node only: the HTTP
 * server is loaded on first use, so importing `ruleseq/testing` stays browser- and worker-safe.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { createServer } = await import('node:http');
  const { toRequest, sendResponse } = await import('./node-bridge.js');
  const host = options.host ?? '127.0.0.1';
  const servers: Server[] = [];
  const endpoints: SandboxEndpoint[] = [];

  for (const [index, fake] of options.fakes.entries()) {
    const server = createServer((req, res) => {
      const origin = `http://${req.headers.host ?? host}`;
      // A fake whose fetch rejects (a `network` fault) drops the connection, as a failing server would.
      toRequest(req, origin)
        .then(async (request) => withCors(preflight(request) ?? (await fake.fetch(request))))
        .then((response) => sendResponse(response, res))
        .catch(() => res.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port === undefined ? 0 : options.port + index, host, () => resolve());
    });
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    const hostPart = host.includes(':') ? `[${host}]` : host;
    endpoints.push({
      name: fake.name,
      baseUrl: `http://${hostPart}:${port}${fake.pathPrefixes[0] ?? ''}`,
      apiKey: fake.apiKey,
      fake,
    });
  }

  return {
    endpoints,
    endpoint(name) {
      const found = endpoints.find((e) => e.name === name);
      if (!found) throw new Error(`The sandbox serves no API named ${JSON.stringify(name)}`);
      return found;
    },
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
