import type { FakeApi, FakeOptions } from '../fake-api.js';
import { createFake } from '../kernel/create-fake.js';
import type { FakeDialect } from '../kernel/fake-call.js';
import { auth } from '../kernel/middleware/guards.js';
import { reply } from '../kernel/reply.js';
import type { ICloudReadyFakeState } from './model.js';
import { icloudReadyRoutes } from './routes.js';
import { initialState } from './seed.js';

/** Options of the iCloudReady fake: the key is `Authorization: Bearer <key>`, default `'icloudready-sandbox-key'`. */
export interface ICloudReadyFakeOptions extends FakeOptions {
  /** Start with three demo sequences (default true), the docs' `6650c1f2a4e5b3d2c1a09f87` among them. */
  seed?: boolean;
}

/** iCloudReady answers errors with `{message}` (the shape the spec models); unknown routes as Express does. */
const message = (status: number, text: string) => reply(status, { message: text });
const dialect: FakeDialect = {
  unauthorized: () => message(401, 'Unauthorized'),
  notFound: (call) => message(404, `Cannot ${call.method} ${call.url.pathname}`),
  invalidBody: (text) => message(400, text),
  tooLarge: () => message(413, 'request entity too large'),
  failure: (status, detail) => message(status, detail),
};

/**
 * A stateful in-memory iCloudReady Sequences API v2 (`/api/v2`): list (bare array, `limit`/`page`, `q`, most recent
 * first), create, retrieve, update (PUT replaces), patch (merges), delete at `DELETE /sequences/deleted/:id`
 * (the sequence is flagged `deleted: 'true'` and hidden) and activity create.
 *
 * @example
 * const fake = createICloudReadyFake();
 * const icr = new ICloudReadyClient({ apiKey: fake.apiKey, fetch: fakeFetch(fake), rateLimit: false });
 */
export function createICloudReadyFake(options: ICloudReadyFakeOptions = {}): FakeApi<ICloudReadyFakeState> {
  const apiKey = options.apiKey ?? 'icloudready-sandbox-key';
  return createFake(
    {
      name: 'icloudready',
      apiKey,
      prefixes: ['/api/v2'],
      initialState: () => initialState(options.seed ?? true),
      routes: icloudReadyRoutes,
      middleware: [auth([apiKey], { scheme: 'Bearer' }, dialect)],
      dialect,
    },
    options,
  );
}
