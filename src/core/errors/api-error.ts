import { keep, type Redactor, redactValue } from '../../internal/redact.js';
import { RuleseqError } from './ruleseq-error.js';

/**
 * A vendor's error code union that still accepts codes the docs do not list: `string & {}` is every string, but
 * unlike `string` it does not swallow the literals, so editors list the documented codes after `error.code ===`.
 */
export type OpenCode<Code extends string> = Code | (string & {});

export interface ApiErrorInit {
  status: number;
  code: string | undefined;
  message: string | undefined;
  body: unknown;
  headers: Record<string, string>;
  requestId: string | undefined;
  method: string;
  url: string;
  /**
   * Masks the client's credentials in everything above: the error keeps only what it returns. The SDK always
   * passes its client's; an error built by hand keeps what it is given.
   */
  redact?: Redactor;
}

/**
 * The API answered with a non-2xx status. `body` is the parsed JSON or the raw text; it, the message, `headers`
 * and `url` have the client's credentials masked.
 */
export class ApiError<Code extends string = string> extends RuleseqError {
  override name = 'ApiError';
  declare readonly code: OpenCode<Code>;
  override readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly url: string;

  constructor(init: ApiErrorInit) {
    const redact = init.redact ?? keep;
    const code = redact(init.code ?? `http_${init.status}`);
    super(redact(`${init.status} ${code}${init.message ? `: ${init.message}` : ''}`), code);
    this.status = init.status;
    this.body = redactValue(init.body, redact);
    this.headers = redactValue(init.headers, redact);
    this.requestId = init.requestId === undefined ? undefined : redact(init.requestId);
    this.method = init.method;
    this.url = redact(init.url);
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
      body: this.body,
    };
  }
}
