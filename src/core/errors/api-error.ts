import { RuleseqError } from './ruleseq-error.js';

/**
 * A vendor's error code union that still accepts codes the docs do not list. `NoInfer<string>` (unlike the usual
 * `string & {}`) keeps the literals for autocompletion and still lets `error.code === 'NotFound'` narrow a union.
 */
export type OpenCode<Code extends string> = Code | NoInfer<string>;

export interface ApiErrorInit {
  status: number;
  code: string | undefined;
  message: string | undefined;
  body: unknown;
  headers: Record<string, string>;
  requestId: string | undefined;
  method: string;
  url: string;
}

/** The API answered with a non-2xx status. `url` is redacted; `body` is the parsed JSON or the raw text. */
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
    const code = init.code ?? `http_${init.status}`;
    super(`${init.status} ${code}${init.message ? `: ${init.message}` : ''}`, code);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    this.requestId = init.requestId;
    this.method = init.method;
    this.url = init.url;
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
