const { RuleClient } = await import('./dist/rule/index.js');
import ky from 'ky';
const N = 20000;
const t = async (name, f) => { for (let i = 0; i < 2000; i++) await f(); const s = process.cpuUsage(); for (let i = 0; i < N; i++) await f(); const u = process.cpuUsage(s); console.log(name.padEnd(30), ((u.user + u.system) / N).toFixed(2), 'µs'); };
const fakeFetch = async () => new Response('{}');
const api = ky.create({ prefix: 'https://x', retry: 0, fetch: fakeFetch });
for (let k = 0; k < 2; k++) {
await t('fake fetch alone', async () => (await fakeFetch()).text());
await t('ky + fake fetch', () => api('a', { searchParams: [['limit', '100']], timeout: 30000 }));
await t('ky + fake fetch no params', () => api('a?limit=100', { timeout: 30000 }));
const c = new RuleClient({ apiKey: 'k', baseUrl: 'https://x/api/v2', fetch: fakeFetch, rateLimit: false });
await t('sdk request, no limiter', () => c.request({ method: 'GET', path: 'a', query: { limit: 100 } }));
const c2 = new RuleClient({ apiKey: 'k', baseUrl: 'https://x/api/v2', fetch: fakeFetch, rateLimit: { maxRequests: 1e6 } });
await t('sdk request, limiter', () => c2.request({ method: 'GET', path: 'a', query: { limit: 100 } }));
}
