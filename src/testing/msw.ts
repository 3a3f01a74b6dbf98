import { HttpResponse, http, type RequestHandler } from 'msw';
import type { FakeApi } from './fake-api.js';

/**
 * msw request handlers that answer with a fake, for `server.use(...)` in vitest or jest: every request to one of
 * the fake's path prefixes on `origin` goes to the fake.
 */
export function fakeHandlers(fake: FakeApi, origin: string): RequestHandler[] {
  return fake.pathPrefixes.map((prefix) =>
    http.all(`${origin}${prefix}/*`, async ({ request }) => {
      // A fake that drops the connection (a `network` fault) is a network error to the caller too.
      const response = await fake.fetch(request).catch(() => undefined);
      if (!response) return HttpResponse.error();
      // msw wants its own Response subclass to keep headers such as Set-Cookie; the body is passed through as is.
      return new HttpResponse(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }),
  );
}
