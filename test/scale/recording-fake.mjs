// The Rule fake served over loopback HTTP, recording when each request arrived, from which worker, and what it got.
// Requests from workers named in `hold` are never answered (a worker stuck mid-call).
import { createRuleFake, startSandbox } from 'ruleseq/testing';

export async function startRecordingFake({ apiKey, budget }) {
  const fake = createRuleFake({ apiKey, rateLimit: budget, seed: true });
  const arrivals = [];
  const hold = new Set();
  const recording = {
    ...fake,
    fetch: async (request) => {
      const arrival = {
        at: Date.now(),
        worker: request.headers.get('x-scale-worker') ?? 'direct',
        status: 0,
      };
      arrivals.push(arrival);
      if (hold.has(arrival.worker)) return new Promise(() => {});
      const response = await fake.fetch(request);
      arrival.status = response.status;
      return response;
    },
  };
  const sandbox = await startSandbox({ fakes: [recording] });
  return {
    baseUrl: sandbox.endpoints[0].baseUrl,
    apiKey,
    arrivals,
    hold,
    /** When the fake's current fixed window closes (it opens with the first request after the last one closed). */
    windowEndsAt: () => fake.state.rateLimit.startedAt + budget.intervalMs,
    /** Spends the rest of the fake's current window directly, as another consumer of the key would. */
    async exhaustWindow() {
      let status = 200;
      while (status !== 429) {
        const response = await recording.fetch(
          new Request(`${sandbox.endpoints[0].baseUrl}/templates`, {
            headers: { authorization: `Bearer ${apiKey}`, 'x-scale-worker': 'other consumer' },
          }),
        );
        status = response.status;
      }
    },
    close: () => sandbox.close(),
  };
}
