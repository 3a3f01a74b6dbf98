import { ConfigurationError } from '../core/errors/configuration-error.js';
import { checkKnownKeys } from './check-number.js';

const HOOK_NAMES = ['beforeRequest', 'afterResponse', 'beforeRetry', 'beforeError'] as const;

/** `hooks` must name known hooks, each an array of functions: a typo would otherwise never run. */
export function checkHooks(hooks: unknown): void {
  if (hooks === undefined) return;
  if (typeof hooks !== 'object' || hooks === null) throw new ConfigurationError('hooks must be an object');
  checkKnownKeys('hooks', hooks, HOOK_NAMES);
  for (const name of HOOK_NAMES) {
    const list = (hooks as Record<string, unknown>)[name];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((hook) => typeof hook === 'function')) {
      throw new ConfigurationError(`hooks.${name} must be an array of functions`);
    }
  }
}
