import { createRuleFake, type RuleFakeOptions } from '../../src/testing/rule-fake/index.js';

export const KEY = 'rule-sandbox-key';
export const BASE = 'https://app.rule.io/api';

/** A fake without a rate limit (unless asked for), and a raw caller for it. */
export function ruleFake(options: RuleFakeOptions = {}) {
  const fake = createRuleFake({ rateLimit: false, ...options });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fake.fetch(
      new Request(path.startsWith('http') ? path : `${BASE}/v2/${path}`, {
        method,
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return { fake, call };
}
