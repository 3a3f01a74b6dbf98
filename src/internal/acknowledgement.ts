import type { APIPromise } from '../core/api-promise.js';
import type { RuleseqError } from '../core/errors/ruleseq-error.js';
import type { RequestOptions } from '../core/request-options.js';
import { isPlainObject } from './auth.js';
import type { Operation } from './operation.js';
import { sendOperation } from './send-operation.js';
import type { ResponseSchema } from './standard-schema.js';
import type { Transport } from './transport.js';

const validate = <T>(schema: ResponseSchema<T>, value: unknown) => {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError('acknowledgement schemas must be synchronous');
  return result;
};

/**
 * The part of an acknowledgement that can be read with `readable` (the documented schema with every field
 * optional): the whole body when it passes; else, for an object, its top-level fields that do not contradict the
 * schema; else nothing (`true`, `"Success"`, an empty body).
 */
function readablePart<T>(readable: ResponseSchema<T>, body: unknown): T | Record<string, never> {
  if (!isPlainObject(body)) return {};
  const whole = validate(readable, body);
  if (!whole.issues) return whole.value;
  const refused = new Set(whole.issues.map((issue) => issue.path?.[0]).filter((key) => key !== undefined));
  const kept = validate(
    readable,
    Object.fromEntries(Object.entries(body).filter(([key]) => !refused.has(key))),
  );
  return kept.issues ? {} : kept.value;
}

/**
 * Sends a write whose 2xx answer only acknowledges it. The write succeeded, so the shape of a JSON (or empty) answer
 * never turns it into an error (a caller who retried an "error" would write twice): an acknowledgement the docs do
 * not show resolves with what can be read from it, and is reported once per operation through the transport's
 * logger (later ones at debug level). An answer that is not JSON at all (a proxy's HTML page, a cut-off body) is
 * still a `ResponseValidationError`: nothing says the API itself acknowledged the write.
 */
export function sendAcknowledged<T extends object, E extends RuleseqError>(
  transport: Transport,
  name: string,
  build: () => Operation,
  schemas: { documented: ResponseSchema<unknown>; readable: ResponseSchema<T> },
  options?: RequestOptions,
): APIPromise<T, E> {
  // `readable` accepts an empty object (every field is optional), so what it cannot read becomes `{}`.
  const lenient: ResponseSchema<T> = {
    '~standard': {
      validate(body) {
        if (validate(schemas.documented, body).issues) transport.reportUndocumentedAnswer(name, name, body);
        return { value: readablePart(schemas.readable, body) as T };
      },
    },
  };
  return sendOperation(
    transport,
    () => ({ ...build(), schema: lenient }),
    (data) => data,
    options,
  );
}
