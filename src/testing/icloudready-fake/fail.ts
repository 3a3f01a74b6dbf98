/** An error the fake answers with iCloudReady's `{message}` body (the shape the spec models). */
export class ICloudReadyFakeError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}
