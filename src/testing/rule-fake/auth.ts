import { json } from './http.js';
import { bodyObject, type FakeRequest } from './request.js';

/** How the caller presented the key, when it presented the right one. */
export type AuthMode = 'header' | 'query' | 'body';

/**
 * Rule takes the key as `Authorization: Bearer KEY`, as `?apikey=KEY`, or as the JSON body property `apikey`.
 * Answers the mode that carried the right key, or `undefined`.
 */
export function authenticate(request: FakeRequest, apiKey: string): AuthMode | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.authorization ?? '')?.[1]?.trim();
  if (bearer === apiKey) return 'header';
  if (request.query.get('apikey') === apiKey) return 'query';
  if (bodyObject(request).apikey === apiKey) return 'body';
  return undefined;
}

/** Rule's 401: no `message`. */
export function notAuthorized(): Response {
  return json({ error: 'NotAuthorized' }, 401);
}
