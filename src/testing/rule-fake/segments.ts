import { listing } from './pagination.js';
import { type Route, v2 } from './router.js';
import { segmentWire } from './wire.js';

/** #21: "sync at" segments, paginated. */
export const segmentRoutes: Route[] = [
  v2(
    'GET',
    'segments',
    listing('segments', (state) => state.segments, segmentWire),
  ),
];
