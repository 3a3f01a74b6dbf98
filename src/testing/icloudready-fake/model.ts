/** A sequence as the fake stores and returns it: the documented fields, any others sent, and bookkeeping. */
export interface SequenceRecord {
  id: string;
  name: string | null;
  code: string | null;
  schedule: Record<string, unknown> | null;
  priority: string | null;
  owner: Record<string, unknown> | null;
  type: string | null;
  emailFrom: Record<string, unknown> | null;
  maxContacts: number | null;
  tags: unknown[] | null;
  status: string | null;
  steps: unknown[] | null;
  contacts: unknown[] | null;
  template: string | null;
  startDate: string | null;
  endDate: string | null;
  /** `'true'` once deleted: the sequence is then hidden from the API but kept here. */
  deleted: string | null;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every update, as a Mongo document version. */
  __v: number;
  [field: string]: unknown;
}

export interface ActivityRecord {
  id: string;
  createdAt: string;
  [field: string]: unknown;
}

export interface ICloudReadyFakeState {
  /** Every sequence, deleted ones included (`deleted: 'true'`). */
  sequences: SequenceRecord[];
  activities: ActivityRecord[];
}
