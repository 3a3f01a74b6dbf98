import { type Route, v2 } from './router.js';

/** #39 `GET /sender/details`. */
export const accountRoutes: Route[] = [
  v2('GET', 'sender/details', (_request, { state }) => ({ ...state.sender })),
];
