import { zListSequencesQuery } from '../../icloudready/generated/v2/zod.gen.js';
import type { FakeCall } from '../kernel/fake-call.js';
import type { ICloudReadyFakeState } from './model.js';

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/**
 * `GET /sequences`: `q` searches names (case-insensitive), `sortBy`/`order` sort (default: the most recent first),
 * `fields` keeps only the listed fields (and `id`), `limit` (default 20, 1..100) and `page` (from 1) cut one page.
 * `p` (policy filters) is accepted and ignored.
 */
export function listSequences({ state, readQuery }: FakeCall<ICloudReadyFakeState>): unknown[] {
  const { limit = 20, page = 1, ...query } = readQuery(zListSequencesQuery);
  const q = query.q?.toLowerCase();
  const sortBy = query.sortBy || 'createdAt';
  const descending = (query.order ?? (query.sortBy ? 'asc' : 'desc')).toLowerCase() === 'desc';
  const sorted = state.sequences
    .filter((s) => s.deleted !== 'true' && (!q || (s.name ?? '').toLowerCase().includes(q)))
    .reverse() // equal keys: the later created first
    .sort((a, b) => (descending ? -1 : 1) * compare(a[sortBy], b[sortBy]));
  const fields = query.fields
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return sorted
    .slice((page - 1) * limit, page * limit)
    .map((s) => (fields?.length ? Object.fromEntries(['id', ...fields].map((f) => [f, s[f] ?? null])) : s));
}
