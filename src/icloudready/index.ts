/**
 * `ruleseq/icloudready`: the iCloudReady Sequences API v2 client.
 *
 * @example
 * import { ICloudReadyClient } from 'ruleseq/icloudready';
 * const icr = new ICloudReadyClient({ apiKey: process.env.ICLOUDREADY_API_KEY });
 */

export * from '../core/index.js';
export { ICloudReadyClient, type ICloudReadyClientOptions } from './client.js';
export { type ICloudReadyError, type ICloudReadyErrorCode, isICloudReadyError } from './errors.js';
export type { SequenceActivities } from './resources/sequence-activity.js';
export type { Sequences } from './resources/sequences.js';
export type * from './types.js';
