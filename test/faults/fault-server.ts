import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeApi } from '../../src/testing/index.js';
import { readBody, sendResponse, toRequest } from '../../src/testing/sandbox/node-bridge.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

/** What one request looked like when it reached the server. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** `performance.now()` on arrival, for checking that a requested wait was kept. */
  at: number;
}

/** What a fault gets to work with for one request. */
export interface FaultExchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  received: ReceivedRequest;
  /** Lets the application behind the server process the request (once) and returns its answer. */
  process(): Promise<Response>;
  /** Origin of a second server, for redirects that try to lead the client elsewhere. */
  otherOrigin: string;
}

/** Replaces the normal answer to one request; see faults.ts. */
export type FaultBehaviour = (exchange: FaultExchange) => Promise<void>;

export interface FaultServer {
  /** Base URL of the application's API (its first path prefix) on this server. */
  baseUrl: string;
  /** Every request that reached the server, in order. */
  received: ReceivedRequest[];
  /** Requests the other origin received (a redirect target that must never be contacted). */
  otherOriginReceived: TestServer['requests'];
  /** Stops accepting connections, so that the next attempt meets a refused connection. */
  refuseConnections(): Promise<void>;
  /** Accepts connections again on the same port. */
  acceptConnections(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real `node:http` server on 127.0.0.1 in front of a fake API. `faultFor(index)` picks what happens to the
 * index-th request (0-based): `undefined` lets the application answer normally.
 */
export async function startFaultServer(
  app: FakeApi,
  faultFor: (index: number) => FaultBehaviour | undefined,
): Promise<FaultServer> {
  const received: ReceivedRequest[] = [];
  const other = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  const server = http.createServer((req, res) => {
    const exchange = async () => {
      const request = toRequest(
        req,
        origin,
        (await readBody(req, Number.POSITIVE_INFINITY)) ?? new Uint8Array(),
      );
      const entry = record(req, await request.clone().text());
      const index = received.push(entry) - 1;
      const process = once(() => app.fetch(request));
      const fault = faultFor(index);
      if (fault) await fault({ req, res, received: entry, process, otherOrigin: other.url });
      else await sendResponse(await process(), res);
    };
    exchange().catch(() => res.destroy());
  });
  await listen(server, 0);
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseUrl: `${origin}${app.pathPrefixes[0] ?? ''}`,
    received,
    otherOriginReceived: other.requests,
    refuseConnections: () => new Promise<void>((resolve) => server.close(() => resolve())),
    acceptConnections: () => listen(server, port),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await other.close();
    },
  };
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function record(req: http.IncomingMessage, body: string): ReceivedRequest {
  return { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: performance.now() };
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= fn();
    return result;
  };
}
