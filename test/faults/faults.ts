import type http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { ruleTime } from '../../src/testing/rule-fake/state.js';
import type { FaultBehaviour, ReceivedRequest } from './fault-server.js';

/** Per-attempt timeout of the clients in the matrix: long enough that a healthy exchange never meets it. */
export const ATTEMPT_TIMEOUT_MS = 3_000;
/** The wait every 429 in the matrix asks for. */
export const SERVER_WAIT_MS = 1_000;

export interface Fault {
  id: string;
  /** Row label in the printed matrix. */
  label: string;
  /** Which requests the fault hits; the others reach the application normally. */
  hits: 'first' | 'every';
  /** What happens to a hit request. Absent for a refused connection, which no request survives to reach. */
  behaviour?: FaultBehaviour;
  /** Nothing listens when the first attempt connects. */
  refusesFirstConnection?: boolean;
  /** The server asked for this wait: the second request must not arrive sooner. */
  minGapMs?: number;
}

/**
 * Everything a request carried, as a careless proxy or server echoes it back: URL, headers and body. When the key
 * travelled in any of them it is now in the response, which the SDK must not pass on.
 */
function echo({ method, url, headers, body }: ReceivedRequest): string {
  return `${method} ${url} authorization=${headers.authorization ?? ''} body=${body}`;
}

/** The application's headers minus the framing ones, which the fault rewrites. */
function appHeaders(response: Response, contentType?: string): Record<string, string> {
  const headers = Object.fromEntries(response.headers);
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  if (contentType) headers['content-type'] = contentType;
  return headers;
}

function answer(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string) {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** Writes until the client goes away or `limit` bytes are out, respecting back-pressure. */
async function writeEndlessly(res: http.ServerResponse, chunk: Buffer, pauseMs: number, limit: number) {
  for (let sent = 0; sent < limit && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk)) await drainedOrClosed(res);
    if (pauseMs > 0) await delay(pauseMs);
  }
  res.destroy();
}

function drainedOrClosed(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

const second = (ms: number) => Math.floor(ms / 1000) * 1000;

/** A plain-text 429 as Rule sends it, with the given wait headers. */
function tooManyRequests(headers: (now: number) => Record<string, string>): FaultBehaviour {
  return async ({ res, received }) => {
    answer(
      res,
      429,
      { 'content-type': 'text/plain', ...headers(second(Date.now())) },
      `Too Many Attempts. ${echo(received)}`,
    );
  };
}

export const FAULTS: readonly Fault[] = [
  {
    id: 'refused',
    label: 'connection refused (first attempt)',
    hits: 'first',
    refusesFirstConnection: true,
  },
  {
    id: 'reset-before-headers',
    label: 'reset before headers, after processing',
    hits: 'first',
    behaviour: async ({ res, process }) => {
      await process();
      res.socket?.resetAndDestroy();
    },
  },
  {
    id: 'reset-mid-body',
    label: 'reset mid-body, after processing',
    hits: 'first',
    behaviour: async ({ res, process }) => {
      const response = await process();
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, { ...appHeaders(response), 'content-length': String(body.length) });
      res.write(body.subarray(0, body.length >> 1), () => res.socket?.resetAndDestroy());
    },
  },
  {
    id: 'stall',
    label: 'stall past the timeout, after processing',
    hits: 'first',
    // Processes, then never answers: the client's attempt timeout is the only way out.
    behaviour: async ({ process }) => {
      await process();
    },
  },
  {
    id: 'slow-body',
    label: 'headers, then a body slower than the timeout',
    hits: 'first',
    behaviour: async ({ res, process }) => {
      const response = await process();
      res.writeHead(response.status, appHeaders(response));
      // Leading whitespace is valid JSON: only a timeout that covers the body ends this.
      await writeEndlessly(res, Buffer.from(' '), 100, Number.POSITIVE_INFINITY);
    },
  },
  {
    id: 'drip',
    label: 'body dripped slowly, within the timeout',
    hits: 'first',
    behaviour: async ({ res, process }) => {
      const response = await process();
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, { ...appHeaders(response), 'content-length': String(body.length) });
      const step = Math.ceil(body.length / 10);
      for (let at = 0; at < body.length; at += step) {
        res.write(body.subarray(at, at + step));
        await delay(25);
      }
      res.end();
    },
  },
  {
    id: 'truncated-json',
    label: 'truncated JSON (complete HTTP), after processing',
    hits: 'first',
    behaviour: async ({ res, process }) => {
      const response = await process();
      const text = await response.text();
      answer(res, response.status, appHeaders(response), text.slice(0, text.length >> 1));
    },
  },
  {
    id: 'html-502',
    label: 'HTML 502 from a proxy, not processed',
    hits: 'first',
    behaviour: async ({ res, received }) =>
      answer(
        res,
        502,
        { 'content-type': 'text/html' },
        `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><pre>${echo(received)}</pre></body></html>`,
      ),
  },
  {
    id: '429-seconds',
    label: 'plain-text 429, `Retry-After: 1`',
    hits: 'first',
    minGapMs: SERVER_WAIT_MS,
    behaviour: tooManyRequests(() => ({ 'retry-after': String(SERVER_WAIT_MS / 1000) })),
  },
  {
    id: '429-http-date',
    label: 'plain-text 429, `Retry-After` HTTP-date',
    hits: 'first',
    minGapMs: SERVER_WAIT_MS,
    behaviour: tooManyRequests((now) => ({
      date: new Date(now).toUTCString(),
      'retry-after': new Date(now + SERVER_WAIT_MS).toUTCString(),
    })),
  },
  {
    id: '429-stockholm',
    label: "plain-text 429, `Retry-After` Rule's Stockholm time",
    hits: 'first',
    minGapMs: SERVER_WAIT_MS,
    behaviour: tooManyRequests((now) => ({
      date: new Date(now).toUTCString(),
      'retry-after': ruleTime(now + SERVER_WAIT_MS),
    })),
  },
  {
    id: '429-ms',
    label: 'plain-text 429, `retry-after-ms`',
    hits: 'first',
    minGapMs: SERVER_WAIT_MS,
    behaviour: tooManyRequests(() => ({ 'retry-after-ms': String(SERVER_WAIT_MS) })),
  },
  {
    id: '429-bare',
    label: 'plain-text 429, no wait given',
    hits: 'first',
    behaviour: tooManyRequests(() => ({})),
  },
  {
    id: '429-too-long',
    label: 'plain-text 429, `Retry-After: 3600` (over the cap)',
    hits: 'every',
    behaviour: tooManyRequests(() => ({ 'retry-after': '3600' })),
  },
  {
    id: '5xx-storm',
    label: '503 on every attempt, not processed',
    hits: 'every',
    behaviour: async ({ res, received }) =>
      answer(
        res,
        503,
        { 'content-type': 'application/json' },
        JSON.stringify({
          error: 'ServiceUnavailable',
          message: `Overloaded while handling ${echo(received)}`,
        }),
      ),
  },
  {
    id: 'wrong-content-type',
    label: 'JSON labelled `text/html`, after processing',
    hits: 'first',
    behaviour: async ({ res, process }) => {
      const response = await process();
      answer(res, response.status, appHeaders(response, 'text/html; charset=utf-8'), await response.text());
    },
  },
  {
    id: 'html-200',
    label: '200 HTML login page from a proxy, not processed',
    hits: 'first',
    behaviour: async ({ res, received }) =>
      answer(
        res,
        200,
        { 'content-type': 'text/html' },
        `<html><body><form>Sign in to continue to ${echo(received)}</form></body></html>`,
      ),
  },
  {
    id: 'huge-body',
    label: 'endless 200 body, after processing',
    hits: 'first',
    behaviour: async ({ res, process }) => {
      const response = await process();
      res.writeHead(200, appHeaders(response));
      res.write('{"data":"');
      await writeEndlessly(res, Buffer.alloc(64 * 1024, 'x'), 0, 1024 ** 3);
    },
  },
  {
    id: 'echo-200',
    label: '200 of the wrong shape echoing the request, after processing',
    hits: 'first',
    // The key comes back in a body the schema refuses: ResponseValidationError.body must not show it.
    behaviour: async ({ res, process, received }) => {
      const response = await process();
      answer(res, 200, appHeaders(response), JSON.stringify([{ unexpected: echo(received) }]));
    },
  },
  {
    id: 'deep-200',
    label: '200 with an unknown field nested 5,000 levels, after processing',
    hits: 'first',
    behaviour: async ({ res, process }) => {
      const response = await process();
      const text = await response.text();
      const deep = `${'{"a":['.repeat(5_000)}{"id":"1"}${']}'.repeat(5_000)}`;
      answer(res, response.status, appHeaders(response), text.replace(/^\{/, `{"deep":${deep},`));
    },
  },
  {
    id: 'long-id-200',
    label: '200 whose first numeric id has 20 digits, after processing',
    hits: 'first',
    behaviour: async ({ res, process }) => {
      const response = await process();
      const text = (await response.text()).replace(/"id":\s*\d+/, '"id":"12345678901234567890"');
      answer(res, response.status, appHeaders(response), text);
    },
  },
  {
    id: 'redirect',
    label: '307 to another origin, not processed',
    hits: 'first',
    behaviour: async ({ res, received, otherOrigin }) => {
      const target = new URL(received.url, otherOrigin);
      target.searchParams.set('echo', echo(received));
      answer(res, 307, { location: target.href }, '');
    },
  },
];
