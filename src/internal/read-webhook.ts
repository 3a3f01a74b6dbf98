import { WebhookError } from '../core/errors/webhook-error.js';

/**
 * Runs a webhook parser so that every input ends in a value or a `WebhookError`: anything thrown while reading the
 * input itself (a throwing getter, a revoked proxy, a body nested past the stack) becomes `unreadable(reason)`.
 */
export function readWebhook<T>(parse: () => T, unreadable: (reason: string) => WebhookError<string>): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof WebhookError) throw error;
    throw unreadable(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

/**
 * A Standard Schema's result, which must come synchronously. zod answers with a promise when its synchronous
 * parse threw (a getter on the input, for one) and then rejects: the rejection is observed here, never left
 * unhandled, and the input is reported as unreadable.
 */
export function validateNow<R>(result: R | Promise<R>): R {
  if (!(result instanceof Promise)) return result;
  result.catch(() => {});
  throw new TypeError('the body could not be read synchronously');
}
