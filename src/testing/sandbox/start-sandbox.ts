import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '../../core/errors/configuration-error.js';
import { DEFAULT_MAX_BODY_BYTES, type FakeApi } from '../fake-api.js';
import { LOOPBACK_ORIGINS, originPolicy } from './cors.js';
import type { SandboxPolicy } from './handle-request.js';
import { isLoopbackAddress } from './own-origin.js';

/** Where one fake API is served. */
export interface SandboxEndpoint {
  name: string;
  /** The API's base URL on the sandbox, to pass as a client's `baseUrl`. */
  baseUrl: string;
  apiKey: string;
  port: number;
  /** The port asked for, when it was taken and `port` was used instead (`whenPortTaken: 'any'`). */
  requestedPort?: number;
  fake: FakeApi;
}

export interface Sandbox {
  endpoints: SandboxEndpoint[];
  /** The endpoint of the fake with this name (`'rule'`, `'sequence'`, `'icloudready'`). */
  endpoint(name: string): SandboxEndpoint;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** The fakes to serve; each gets its own origin (port), as each real API has its own host. */
  fakes: FakeApi[];
  /** First port (the next fakes take the following ports); default: any free port. */
  port?: number;
  /** When a port is taken: `'error'` (default) fails; `'any'` takes a free port and sets `requestedPort`. */
  whenPortTaken?: 'error' | 'any';
  /** Address to listen on; default `127.0.0.1`. Anything beyond loopback serves the fakes' keys to the network. */
  host?: string;
  /**
   * Browser origins that may call the sandbox: `http://localhost:5173`, `http://localhost:*` (any port) or `*`.
   * Requests from any other origin are refused (403) before they reach a fake. Default: loopback pages,
   * `http://localhost:*`, `http://127.0.0.1:*` and `http://[::1]:*`.
   */
  corsOrigins?: readonly string[];
  /** Largest request body, in bytes; a larger one gets 413 and is never held in memory. Default 10 MiB. */
  maxBodyBytes?: number;
}

export { DEFAULT_MAX_BODY_BYTES };

/** Listens on `port`, or on a free port when it is taken and `fallback` is set. */
async function listen(server: Server, port: number, host: string, fallback: boolean): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
    if (fallback) return listen(server, 0, host, false);
    throw new ConfigurationError(`Port ${port} on ${host} is in use (another sandbox?); choose other ports`);
  }
}

function closeAll(servers: Server[]): Promise<void> {
  return Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  ).then(() => undefined);
}

/**
 * Serves fake APIs over real HTTP (one port per API), for browser apps on the origins allowed and for other
 * processes. Node only: the HTTP server is loaded on first use, so importing `ruleseq/testing` stays browser- and
 * worker-safe.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { createServer } = await import('node:http');
  const { handleRequest } = await import('./handle-request.js');
  const { sendResponse } = await import('./node-bridge.js');
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new ConfigurationError(`maxBodyBytes must be a whole number ≥ 1, got ${maxBodyBytes}`);
  }
  const policy: SandboxPolicy = {
    loopbackOnly: isLoopbackAddress(host),
    allowsOrigin: originPolicy(options.corsOrigins ?? LOOPBACK_ORIGINS),
    maxBodyBytes,
  };
  const servers: Server[] = [];
  const endpoints: SandboxEndpoint[] = [];

  try {
    for (const [index, fake] of options.fakes.entries()) {
      const server = createServer((req, res) => {
        // A fake whose fetch rejects (a `network` fault) drops the connection, as a failing server would.
        handleRequest(req, fake, policy)
          .then((response) => sendResponse(response, res))
          .catch(() => res.destroy());
      });
      servers.push(server);
      const requested = options.port === undefined ? 0 : options.port + index;
      await listen(server, requested, host, options.whenPortTaken === 'any');
      const { port } = server.address() as AddressInfo;
      const hostPart = host.includes(':') ? `[${host}]` : host;
      endpoints.push({
        name: fake.name,
        baseUrl: `http://${hostPart}:${port}${fake.pathPrefixes[0] ?? ''}`,
        apiKey: fake.apiKey,
        port,
        ...(requested !== 0 && requested !== port ? { requestedPort: requested } : {}),
        fake,
      });
    }
  } catch (error) {
    await closeAll(servers);
    throw error;
  }

  return {
    endpoints,
    endpoint(name) {
      const found = endpoints.find((e) => e.name === name);
      if (!found) throw new Error(`The sandbox serves no API named ${JSON.stringify(name)}`);
      return found;
    },
    close: () => closeAll(servers),
  };
}
