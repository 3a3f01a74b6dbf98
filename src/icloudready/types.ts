import type * as Wire from './generated/v2/types.gen.js';

/**
 * Public model types, generated from spec/icloudready-v2.yaml.
 *
 * iCloudReady's docs show no response schemas, so every response type is an open record: the documented fields are
 * optional (and may be `null`), any other field the server sends is kept, and responses are validated leniently
 * (only what contradicts these types is reported, as a `ResponseValidationError`; `validateResponses: false`
 * turns that off).
 */

/** A sequence as returned: the documented fields, all optional, plus whatever else the server sends. */
export type Sequence = Wire.Sequence & { [field: string]: unknown };
/**
 * A sequence's id as `create`, `retrieve` and `list` return it (a string, or a whole number), accepted as is by
 * `retrieve`, `update`, `patch` and `delete`.
 */
export type SequenceId = NonNullable<Sequence['id']>;
/**
 * The body of `create`, `update` and `patch`, with the API's own camelCase names. `schedule`, `owner` and
 * `emailFrom` are objects and `tags`, `steps` and `contacts` arrays whose contents the docs leave open.
 */
export type SequenceInput = Wire.SequenceInput;
/** The body of `sequences.activity.create`: the docs name no field, so any JSON object. */
export type SequenceActivityInput = Wire.SequenceActivityInput;
/** A created sequence activity: an open record (the docs show no response). */
export type SequenceActivity = Wire.SequenceActivity;
/**
 * The query of `sequences.list`, with the API's own names. `limit` is the page size, 1 to 100 (the docs give no
 * bound; 100 is the SDK's), and is always sent: 20 when not given. `page` is where the listing starts, counted
 * from 1. `order`, `sortBy`, `fields` (the filter of the records), `p` (policy filters) and `q` (search query)
 * are passed through as given. Unknown names are refused.
 */
export type ListSequencesParams = NonNullable<Wire.ListSequencesData['query']>;
