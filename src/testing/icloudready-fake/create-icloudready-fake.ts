import type { FakeApi } from '../fake-api.js';
import { handleICloudReadyRequest, ICLOUDREADY_PREFIX } from './handle-request.js';
import type { ICloudReadyFakeState } from './model.js';
import { initialState } from './seed.js';

export interface ICloudReadyFakeOptions {
  /** The key accepted in `Authorization: Bearer <key>`. Default `'icloudready-sandbox-key'`. */
  apiKey?: string;
  /** Start with three demo sequences (default true), the docs' `6650c1f2a4e5b3d2c1a09f87` among them. */
  seed?: boolean;
  /** The clock (epoch ms) for `createdAt`/`updatedAt`. Default `Date.now`. */
  now?: () => number;
}

/** Mongo-style 24-hex-digit ids, the same ones in the same order for every fresh fake. */
function idMaker(): () => string {
  let count = 0;
  return () => `6650d0${(++count).toString(16).padStart(18, '0')}`;
}

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
  const now = options.now ?? Date.now;
  const fresh = () => ({ state: initialState(options.seed ?? true), newId: idMaker() });
  let world = fresh();
  return {
    name: 'icloudready',
    apiKey,
    pathPrefixes: [ICLOUDREADY_PREFIX],
    get state() {
      return world.state;
    },
    reset() {
      world = fresh();
    },
    fetch: (request) => handleICloudReadyRequest(request, { ...world, apiKey, now }),
  };
}
