import { build } from 'esbuild';
import { expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isoDate, isoDateTime } from '../../src/zod/iso.js';

const samples = [
  '2026-03-01T12:00:00Z',
  '2026-03-01T12:00:00+01:00',
  '2026-03-01',
  '2026-02-30',
  'soon',
  7,
  null,
];

// The helpers stand in for zod's own `z.iso` calls in generated and hand-written schemas: nothing may differ.
it.each([
  ['isoDateTime()', isoDateTime(), z.iso.datetime()],
  ['isoDateTime({ offset: true })', isoDateTime({ offset: true }), z.iso.datetime({ offset: true })],
  ['isoDate()', isoDate(), z.iso.date()],
])('%s is zod’s own schema: same class, same results, same issues', (_, ours, zods) => {
  expect(ours).toBeInstanceOf(zods.constructor);
  expect(ours._zod.def).toEqual(zods._zod.def);
  for (const value of samples) {
    const strip = (result: ReturnType<typeof z.safeParse>) =>
      result.success ? result : { issues: result.error.issues };
    expect(strip(z.safeParse(ours, value)), String(value)).toEqual(strip(z.safeParse(zods, value)));
  }
});

it('a bundle using them leaves out zod’s ISO time and duration formats', async () => {
  const result = await build({
    stdin: {
      contents: "export { isoDate, isoDateTime } from './src/zod/iso.ts';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  expect(code).toContain('$ZodISODateTime');
  expect(code).not.toContain('$ZodISOTime');
  expect(code).not.toContain('$ZodISODuration');
});
