/**
 * zod/mini as it is, `compile` included: what Node (and Bun and Deno, which match the `node` condition too) load
 * for the SDK's `zod/mini` imports, through package.json `imports` (`#zod`). Everywhere else gets `./portable.js`.
 */
export * from 'zod/v4/mini';
