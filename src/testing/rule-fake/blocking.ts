import { accepted } from './http.js';
import { type Route, v3 } from './router.js';
import { v3Subscribers } from './v3-subscribers.js';

/** v3 `POST /subscribers/block` and `/subscribers/unblock` (asynchronous on Rule's side: 204 at once). */
function setStatus(status: 'ACTIVE' | 'BLOCKED'): Route['handler'] {
  return (request, { state }) => {
    const found = v3Subscribers(request, state);
    if (found instanceof Response) return found;
    for (const subscriber of found) subscriber.status = status;
    return accepted();
  };
}

export const blockingRoutes: Route[] = [
  v3('POST', 'subscribers/block', setStatus('BLOCKED')),
  v3('POST', 'subscribers/unblock', setStatus('ACTIVE')),
];
