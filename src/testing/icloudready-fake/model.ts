import type { Sequence } from '../../icloudready/generated/v2/types.gen.js';

/** A sequence as the fake stores and returns it: the documented fields (null when unset), any others sent, and bookkeeping. */
export type SequenceRecord = { [K in Exclude<keyof Sequence, 'id'>]-?: Exclude<Sequence[K], undefined> } & {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every update, as a Mongo document version. */
  __v: number;
  [field: string]: unknown;
};

export interface ActivityRecord {
  id: string;
  createdAt: string;
  [field: string]: unknown;
}

export interface ICloudReadyFakeState {
  /** Every sequence, deleted ones included (`deleted: 'true'` hides them from the API). */
  sequences: SequenceRecord[];
  activities: ActivityRecord[];
}
