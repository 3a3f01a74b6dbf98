import type { ClientError } from '../core/errors/client-error.js';
import { apiErrorGuard } from '../core/errors/is-api-error.js';

/**
 * iCloudReady documents no error codes. An error whose body carries no string `code` gets `http_<status>`; these
 * are the statuses worth narrowing on, and any code a server sends still type-checks.
 */
export type ICloudReadyErrorCode =
  | 'http_400'
  | 'http_401'
  | 'http_403'
  | 'http_404'
  | 'http_409'
  | 'http_422'
  | 'http_429'
  | 'http_500'
  | 'http_502'
  | 'http_503'
  | 'http_504';

/** What an iCloudReady call can fail with; `.safe()` narrows on `error.code` or the error class. */
export type ICloudReadyError = ClientError<ICloudReadyErrorCode>;

/**
 * Whether an error (of any type, e.g. in a `catch`) is an iCloudReady `ApiError`, with `code` if given:
 * `isICloudReadyError(err, 'http_404')`.
 */
export const isICloudReadyError = apiErrorGuard<ICloudReadyErrorCode>();
