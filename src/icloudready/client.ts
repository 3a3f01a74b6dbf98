import type { ClientOptions } from '../core/client-options.js';
import { BaseClient } from '../internal/base-client.js';
import { createTransport } from '../internal/create-transport.js';
import type { ICloudReadyError } from './errors.js';
import { icloudReadyProfile } from './profile.js';
import { Sequences } from './resources/sequences.js';

export type ICloudReadyClientOptions = ClientOptions;

/**
 * iCloudReady Sequences API v2 client. Authenticates with `Authorization: Bearer <key>` (env `ICLOUDREADY_API_KEY`).
 * The docs show no response schemas: responses are open records, validated leniently.
 *
 * @example
 * const icr = new ICloudReadyClient({ apiKey: process.env.ICLOUDREADY_API_KEY });
 * for await (const s of icr.sequences.list({ limit: 50, q: 'onboarding' })) console.log(s.name);
 */
export class ICloudReadyClient extends BaseClient<ICloudReadyError> {
  readonly sequences: Sequences;

  constructor(options: ICloudReadyClientOptions = {}) {
    const transport = createTransport(options, icloudReadyProfile);
    super(transport);
    this.sequences = new Sequences(transport);
  }
}
