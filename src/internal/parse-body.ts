/** A body parsed once: its JSON value (`undefined` when empty), or the text itself when it is not JSON. */
export interface ParsedBody {
  value: unknown;
  json: boolean;
}

export function parseBody(text: string): ParsedBody {
  if (text === '') return { value: undefined, json: true };
  try {
    return { value: JSON.parse(text), json: true };
  } catch {
    return { value: text, json: false };
  }
}

/** Whether a `Content-Type` names JSON (`application/json`, `application/problem+json`, …), as ky reads it. */
export function isJsonContentType(contentType: string | null): boolean {
  const mime = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return /\/(?:.*[.+-])?json$/.test(mime);
}
