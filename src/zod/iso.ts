/**
 * `z.iso.datetime()` and `z.iso.date()`, the same schemas (same class, same checks, same issues), made without
 * zod's `iso` namespace: a bundler keeps a namespace object whole, so one `z.iso.datetime()` also shipped zod's ISO
 * time and duration formats. Generated schemas call these (scripts/iso-formats.mjs rewrites the generator's calls).
 */
import * as z from 'zod/mini';
import { _isoDate, _isoDateTime } from 'zod/v4/core';

/** `z.iso.datetime(params)`. */
// @__NO_SIDE_EFFECTS__
export function isoDateTime(params?: Parameters<typeof z.iso.datetime>[0]): z.ZodMiniISODateTime {
  return _isoDateTime(z.ZodMiniISODateTime, params);
}

/** `z.iso.date(params)`. */
// @__NO_SIDE_EFFECTS__
export function isoDate(params?: Parameters<typeof z.iso.date>[0]): z.ZodMiniISODate {
  return _isoDate(z.ZodMiniISODate, params);
}
