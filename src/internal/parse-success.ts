import { OPT_OUT_HINT, ResponseValidationError } from '../core/errors/response-validation-error.js';
import type { Operation } from './operation.js';
import type { ParsedBody } from './parse-body.js';
import type { Redactor } from './redact.js';
import type { ResponseSchema } from './standard-schema.js';
import { type AnswerReporter, levelOfReport, reportUndocumentedAnswer } from './undocumented-answer.js';

/** What validating a 2xx body needs from the client. */
export interface SuccessReaders extends AnswerReporter {
  validateResponses: boolean;
  prepareSchema?: (<T>(schema: ResponseSchema<T>) => ResponseSchema<T>) | undefined;
}

/** Where a 2xx answer came from, for the errors it may raise. */
export interface SuccessSource {
  op: Operation<unknown>;
  response: Response;
  requestId: string | undefined;
}

/**
 * A 2xx body as the operation's data: validated against its schema, or (with `validateResponses: false`) handed
 * over as sent with a warning (once per operation). The JSON answer to a write is handed over as sent too when it
 * is not the documented shape, reported once per operation: the write succeeded, and a caller who retried an
 * "error" would write twice.
 * Only what the operation's `invariant` refuses stays an error. A body that holds nothing at all (`null`, or empty)
 * where the schema expects data is a `ResponseValidationError` either way: there is nothing to hand over, and a
 * caller reading fields from it would only meet a `TypeError` later.
 */
export async function parseSuccess(
  source: SuccessSource,
  parsed: ParsedBody,
  readers: SuccessReaders,
): Promise<{ data: unknown; body: unknown }> {
  const { op, response, requestId } = source;
  const body = parsed.value;
  if (!parsed.json) {
    if (!readers.validateResponses) return { data: body, body };
    const contentType = response.headers.get('content-type') ?? 'no content type';
    throw unreadableBody(source, body as string, `Expected a JSON body, got ${contentType}`, readers.redact);
  }
  if (!op.schema) return { data: body, body };
  const schema = readers.prepareSchema?.(op.schema) ?? op.schema;
  const result = await schema['~standard'].validate(body);
  if (!result.issues) return { data: result.value, body };
  const error = new ResponseValidationError({
    issues: result.issues,
    body,
    status: response.status,
    requestId,
    operation: operationName(op),
    redact: readers.redact,
  });
  if (body === null || body === undefined) throw error;
  if (!readers.validateResponses) {
    // Opted out: hand over the body as sent, and say so (once per operation, like undocumented write answers).
    readers.logger.log(levelOfReport(readers, op.schema), error.message.replace(OPT_OUT_HINT, ''));
  } else if (
    op.method === 'GET' ||
    (op.invariant && (await op.invariant['~standard'].validate(body)).issues)
  ) {
    throw error;
  } else {
    // Keyed by schema, not path: one documented answer per operation, whatever ids its path carries.
    reportUndocumentedAnswer(readers, op.schema, operationName(op), body);
  }
  return { data: body, body };
}

/** A 2xx body that cannot be used at all; only its redacted beginning is kept. */
export function unreadableBody(
  source: SuccessSource,
  text: string,
  message: string,
  redact: Redactor,
): ResponseValidationError {
  return new ResponseValidationError({
    issues: [{ message }],
    // Redacted before it is cut, so a key at the cut cannot survive in part.
    body: redact(text).slice(0, 2_000),
    status: source.response.status,
    requestId: source.requestId,
    operation: operationName(source.op),
    redact,
  });
}

/** `GET subscribers/{id}` style name for messages, without the query. */
export function operationName(op: Operation<unknown>): string {
  return `${op.method} ${op.path.replace(/\?.*$/, '')}`;
}
