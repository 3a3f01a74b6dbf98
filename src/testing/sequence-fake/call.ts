import type { FakeCall } from '../kernel/fake-call.js';
import { route as kernelRoute } from '../kernel/route.js';
import type { SequenceFakeState } from './model.js';

export type SequenceCall = FakeCall<SequenceFakeState>;

/** A route of Sequence API v1 (below `/api/v1`). */
export const route = kernelRoute<SequenceFakeState>;

export const isoAt = (ms: number): string => new Date(ms).toISOString();

/** Deterministic ids in the docs' style (`rule_01HF000001`): a fresh fake makes the same ids in the same order. */
export const newId = (call: SequenceCall, prefix: string, stamp = '01HF', kind = 'id') =>
  `${prefix}_${stamp}${call.serial(kind).toString(36).toUpperCase().padStart(6, '0')}`;
