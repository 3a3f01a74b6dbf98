/**
 * zod/mini with its schema compiler: what Node (and Bun and Deno, which match the `node` condition too) load for
 * the SDK's `zod/mini` imports, through package.json `imports` (`#zod`). Everywhere else gets `./portable.js`.
 */
import { config, compile as zodCompile } from 'zod/v4/mini';

export * from 'zod/v4/mini';

/** `z.compile`, except when the app has turned zod's code generation off (`z.config({ jitless: true })`). */
export const compile = ((schema, options) =>
  config().jitless ? schema : zodCompile(schema, options)) as typeof zodCompile;
