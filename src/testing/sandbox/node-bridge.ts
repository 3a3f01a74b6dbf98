import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The request body, read chunk by chunk; `undefined` as soon as it passes `maxBytes` (a declared `Content-Length`
 * is checked first), so an oversized body is never held in memory: the rest is discarded as it arrives.
 */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (Number(req.headers['content-length']) > maxBytes) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData);
      chunks.length = 0;
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

/** A Node request and its body as a fetch `Request` on `origin`. */
export function toRequest(req: IncomingMessage, origin: string, body: Uint8Array<ArrayBuffer>): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && body.length > 0;
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body } : {}),
  });
}

/**
 * Writes a fetch `Response` to a Node response. An answer given before the request body was read (a refusal, a
 * 413) closes the connection and discards the rest of the body, so it is never buffered.
 */
export async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (!res.req.complete) {
    headers.connection = 'close';
    res.req.resume();
  }
  res.writeHead(response.status, headers);
  res.end(body);
}
