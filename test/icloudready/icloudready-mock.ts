import { ICloudReadyClient, type ICloudReadyClientOptions } from '../../src/icloudready/client.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

/** spec/icloudready-v2.yaml's operations and examples: the fixtures (serve them with `useSpecMock(icloudreadyV2)`). */
export const icloudreadyV2 = new OpenApiExamples('icloudready-v2.yaml');

export const BASE = icloudreadyV2.serverUrl;

/** A client for tests: the canary key, no limiter, no retries unless asked. */
export const testICloudReadyClient = (options: ICloudReadyClientOptions = {}) =>
  new ICloudReadyClient({ apiKey: CANARY_KEY, rateLimit: false, maxRetries: 0, ...options });
