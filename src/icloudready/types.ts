import type * as z from 'zod/mini';
import type * as Wire from './generated/v2/zod.gen.js';

/**
 * Public model types: what the generated schemas (from spec/icloudready-v2.yaml) take and output.
 *
 * iCloudReady's docs show no response schemas, so every response type is an open record: the documented fields are
 * optional (and may be `null`), any other field the server sends is kept, and responses are validated leniently
 * (only what contradicts these types is reported, as a `ResponseValidationError`; `validateResponses: false`
 * turns that off).
 */

/** A sequence as returned: the documented fields, all optional, plus whatever else the server sends. */
export type Sequence = z.output<typeof Wire.zSequence>;
/**
 * A sequence's id as `create`, `retrieve` and `list` return it (a string, or a whole number), accepted as is by
 * `retrieve`, `update`, `patch` and `delete`.
 */
export type SequenceId = NonNullable<Sequence['id']>;
/**
 * The body of `create`, `update` and `patch`: the documented fields, with the API's own camelCase names; a field the
 * docs do not list is refused (send one on purpose with `extraBody`). `schedule`, `owner` and `emailFrom` are
 * objects and `tags`, `steps` and `contacts` arrays whose contents the docs leave open.
 */
export type SequenceInput = z.input<typeof Wire.zSequenceInput>;
/** The body of `sequences.activity.create`: the docs name no field, so any JSON object. */
export type SequenceActivityInput = z.input<typeof Wire.zSequenceActivityInput>;
/** A created sequence activity: an open record (the docs show no response). */
export type SequenceActivity = z.output<typeof Wire.zSequenceActivity>;
/**
 * The query of `sequences.list`, with the API's own names. `limit` is the page size, 1 to 100 (the docs give no
 * bound; 100 is the SDK's), and is always sent: 20 when not given. `page` is where the listing starts, counted
 * from 1. `order`, `sortBy`, `fields` (the filter of the records), `p` (policy filters) and `q` (search query)
 * are passed through as given. Unknown names are refused.
 */
export type ListSequencesParams = z.input<typeof Wire.zListSequencesQuery>;
