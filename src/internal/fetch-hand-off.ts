import { withBodyText } from './exposed-response.js';
import { markTransportFailure } from './transport-failure.js';

/**
 * The ky option through which an attempt gives the hand-off the reader for an error status's body: ky forwards
 * options it does not know to `fetch`, which strips this one before calling the real fetch.
 */
export const READ_ERROR_BODY = 'ruleseqReadErrorBody';

/** Reads an error response's body within the attempt's limits (size and time). */
export type ErrorBodyReader = (response: Response) => Promise<string>;

type HandOffInit = RequestInit & { [READ_ERROR_BODY]?: ErrorBodyReader };

/**
 * ky's `fetch`: the client's `fetch` option, else the global one looked up per call (so test doubles installed
 * later apply). An error status's body is read here, bounded, and handed to ky as text, so `HTTPError.data` holds at
 * most its first MiB and a body that stalls cannot outlast the attempt's timeout.
 */
export function handOffFetch(clientFetch: typeof fetch | undefined): typeof fetch {
  return async (input, init) => {
    const { [READ_ERROR_BODY]: readErrorBody, ...rest } = (init ?? {}) as HandOffInit;
    // Called unbound: browsers throw "Illegal invocation" when fetch runs with a foreign `this`.
    const send = clientFetch ?? globalThis.fetch;
    try {
      const response = await send(input, rest);
      if (response.ok || !readErrorBody) return response;
      const text = await readErrorBody(response);
      // A browser's opaque redirect (status 0) has no body, and no Response can be made with its status.
      return response.status < 200 ? response : withBodyText(response, text);
    } catch (error) {
      throw markTransportFailure(error);
    }
  };
}
