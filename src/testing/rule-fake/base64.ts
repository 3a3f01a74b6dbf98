import { decodeBase64 } from '../../internal/runtime.js';

/** Whole base64 quanta only, as a strict decoder accepts. */
export const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** UTF-8 text of a base64 string, or `undefined` when the value is not base64. */
export function fromBase64(value: unknown): string | undefined {
  return typeof value === 'string' && BASE64.test(value) ? decodeBase64(value) : undefined;
}
