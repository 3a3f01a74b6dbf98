import { inspect } from 'node:util';

/**
 * Where `secret` can be read from `value`: for an error its message, stack, `toString()`, `JSON.stringify`,
 * `util.inspect` (what `console.error` prints) and every own property, recursively through `cause` and nested
 * objects. Returns the paths of the leaks; an empty list means none.
 */
export function secretLeaks(value: unknown, secret: string): string[] {
  const leaks: string[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'string') {
      if (v.includes(secret)) leaks.push(path);
      return;
    }
    if (typeof v !== 'object' || v === null || seen.has(v) || depth > 8) return;
    seen.add(v);
    if (v instanceof Error) {
      for (const [view, text] of Object.entries(errorViews(v))) visit(text, `${path} (${view})`, depth);
      visit(v.cause, `${path}.cause`, depth + 1);
    }
    for (const key of Reflect.ownKeys(v)) {
      const descriptor = Object.getOwnPropertyDescriptor(v, key);
      if (descriptor && 'value' in descriptor) visit(descriptor.value, `${path}.${String(key)}`, depth + 1);
    }
  };
  visit(value, '$', 0);
  return leaks;
}

function errorViews(error: Error): Record<string, string> {
  return {
    message: error.message,
    stack: String(error.stack),
    toString: String(error),
    json: safeJson(error),
    inspect: inspect(error, { depth: 10 }),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
