import { abortableSleep } from '../../../internal/sleep.js';
import type { FakeFault, FakeFaults } from '../../fake-api.js';
import type { FakeDialect, Middleware } from '../fake-call.js';

/** Makes the fake's fetch reject as fetch does on a dropped connection; the kernel lets it through. */
export class NetworkFault extends TypeError {
  constructor() {
    super('fetch failed');
  }
}

/** Waits `ms` before the request goes on; the request's signal cancels the wait, as it cancels a fetch. */
export const latency =
  <S>(ms = 0): Middleware<S> =>
  async (call, next) => {
    if (ms > 0) await abortableSleep(ms, call.signal);
    return next();
  };

/** Fails the requests the plan names (counted from creation or reset()), before or after the fake processes them. */
export const faults =
  <S>(plan: FakeFaults | undefined, dialect: FakeDialect): Middleware<S> =>
  async (call, next) => {
    const index = call.serial('faults') - 1;
    const fault: FakeFault | undefined =
      typeof plan === 'function' ? plan({ method: call.method, url: call.url }, index) : plan?.[index];
    if (!fault) return next();
    if (fault.afterProcessing) await next();
    if (fault.network) throw new NetworkFault();
    return dialect.failure(fault.status ?? 500, 'An injected fault.').withHeaders(fault.headers);
  };
