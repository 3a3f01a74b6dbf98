/**
 * zod/mini for browsers and workers, with `compile` as the identity: zod's schema compiler weighs about 10 KB
 * gzipped, more than the bundle budgets leave, and needs `new Function`, which workers and strict CSPs refuse.
 * Responses are validated by the same schemas, on zod's plain parser. (See `./compile-schema.ts`.)
 */
import type { compile as zodCompile } from 'zod/v4/mini';

export * from 'zod/v4/mini';

export const compile = (<T>(schema: T): T => schema) as typeof zodCompile;
