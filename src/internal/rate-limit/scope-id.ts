/**
 * Hex SHA-256 of an API origin and key (Web Crypto, so every runtime has it): a name for shared limiter state that
 * is the same in every process and cannot be turned back into the key.
 */
export async function rateLimitScopeId(origin: string, apiKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${origin}\n${apiKey}`));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
