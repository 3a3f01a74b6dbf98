import * as z from 'zod/mini';
import type { APIPromise } from '../core/api-promise.js';
import type { RuleseqError } from '../core/errors/ruleseq-error.js';
import type { RawRequest } from '../core/raw-request.js';
import type { RequestOptions } from '../core/request-options.js';
import { sendOperation } from './send-operation.js';
import type { Transport } from './transport.js';
import { validateInput } from './validate-input.js';

/** A scheme (`https:`) or a protocol-relative `//host` would leave the base URL's origin. */
const ABSOLUTE = /^([a-z][a-z\d+.-]*:|\/\/)/i;

const rawRequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().check(z.refine((path) => !ABSOLUTE.test(path), 'path must be relative to the base URL')),
  // Values are checked where they become URL text (the transport).
  query: z.optional(z.record(z.string(), z.unknown())),
  body: z.optional(z.unknown()),
});

/** What every vendor client shares: its transport and the generic escape hatch. */
export abstract class BaseClient<E extends RuleseqError> {
  protected readonly transport: Transport;

  protected constructor(transport: Transport) {
    this.transport = transport;
  }

  /** Sends any request to this API; the body is returned as parsed JSON, unvalidated. */
  request<T = unknown>(request: RawRequest, options?: RequestOptions): APIPromise<T, E> {
    return sendOperation<T, T, E>(
      this.transport,
      () => validateInput(rawRequestSchema, request, 'request') as RawRequest,
      (body) => body,
      options,
    );
  }
}
