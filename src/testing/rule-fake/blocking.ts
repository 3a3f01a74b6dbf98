import { type RuleCall, v3 } from './call.js';
import { accepted } from './replies.js';
import { v3Subscribers } from './v3-subscribers.js';

/** v3 `POST /subscribers/block` and `/subscribers/unblock` (asynchronous on Rule's side: 204 at once). */
const setStatus = (status: 'ACTIVE' | 'BLOCKED') => (call: RuleCall) => {
  for (const subscriber of v3Subscribers(call)) subscriber.status = status;
  return accepted();
};

export const blockingRoutes = [
  v3('POST', 'subscribers/block', setStatus('BLOCKED')),
  v3('POST', 'subscribers/unblock', setStatus('ACTIVE')),
];
