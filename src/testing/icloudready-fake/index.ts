export { createICloudReadyFake, type ICloudReadyFakeOptions } from './create-icloudready-fake.js';
export type { ActivityRecord, ICloudReadyFakeState, SequenceRecord } from './model.js';
