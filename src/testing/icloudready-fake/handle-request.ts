import { ICloudReadyFakeError } from './fail.js';
import type { ICloudReadyFakeState } from './model.js';
import { operationFor } from './operations.js';

export const ICLOUDREADY_PREFIX = '/api/v2';

export interface ICloudReadyRuntime {
  apiKey: string;
  state: ICloudReadyFakeState;
  now(): number;
  newId(): string;
}

/** One request: `Authorization: Bearer <key>`, the route below `/api/v2/sequences`, a JSON answer or `{message}`. */
export async function handleICloudReadyRequest(request: Request, rt: ICloudReadyRuntime): Promise<Response> {
  try {
    if (request.headers.get('authorization') !== `Bearer ${rt.apiKey}`) {
      throw new ICloudReadyFakeError(401, 'Unauthorized');
    }
    const { pathname, searchParams } = new URL(request.url);
    const at = pathname.indexOf(`${ICLOUDREADY_PREFIX}/sequences`);
    const rest = pathname
      .slice(at + `${ICLOUDREADY_PREFIX}/sequences`.length)
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    const operation = at < 0 ? undefined : operationFor(request.method, rest);
    if (!operation) throw new ICloudReadyFakeError(404, `Cannot ${request.method} ${pathname}`);
    const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
    const body = text.trim() === '' ? undefined : JSON.parse(text);
    const timestamp = new Date(rt.now()).toISOString();
    return Response.json(operation({ ...rt, timestamp, query: searchParams, body }));
  } catch (error) {
    if (error instanceof SyntaxError) {
      return Response.json({ message: 'The body is not valid JSON.' }, { status: 400 });
    }
    const known = error instanceof ICloudReadyFakeError;
    return Response.json(
      { message: known ? error.message : `The fake failed: ${String(error)}` },
      { status: known ? error.status : 500 },
    );
  }
}
