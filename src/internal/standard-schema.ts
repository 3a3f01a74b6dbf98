import type { ValidationIssue } from '../core/errors/validation-issue.js';

/**
 * The slice of Standard Schema v1 the transport uses to validate responses. zod 4 and zod/mini schemas implement it,
 * so the transport stays free of any particular schema library.
 */
export interface ResponseSchema<Output> {
  readonly '~standard': {
    readonly validate: (
      value: unknown,
    ) =>
      | { readonly value: Output; readonly issues?: undefined }
      | { readonly issues: readonly ValidationIssue[] }
      | Promise<
          | { readonly value: Output; readonly issues?: undefined }
          | { readonly issues: readonly ValidationIssue[] }
        >;
  };
}
