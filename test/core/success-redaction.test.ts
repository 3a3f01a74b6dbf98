import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryAuth } from '../../src/internal/auth.js';
import { CANARY_KEY, captureLogger, testTransport } from '../helpers/test-transport.js';

// A server may echo the key in a successful answer: whatever the auth mode, nothing the SDK hands over holds it.

const BASE = 'https://answers.example.test/v2';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function answer(respond: () => Response): void {
  server.use(http.all(`${BASE}/*`, respond));
}

/** A 2xx JSON echoing the key in a string, inside a longer string, as an object key, and in an array. */
const echoing = {
  id: 7,
  next: `${BASE}/things?page=2&apikey=${CANARY_KEY}`,
  nested: { note: `key was ${CANARY_KEY}.`, [CANARY_KEY]: true, list: ['a', CANARY_KEY] },
};
const masked = {
  id: 7,
  next: `${BASE}/things?page=2&apikey=***`,
  nested: { note: 'key was ***.', '***': true, list: ['a', '***'] },
};
const thingSchema = z.object({ id: z.number(), next: z.string(), nested: z.record(z.string(), z.unknown()) });

describe('a 2xx JSON echoing the key, under header auth', () => {
  it('has the key masked in data, body and the exposed Response, whose text is still that JSON', async () => {
    answer(() => HttpResponse.json(echoing));
    const transport = testTransport({ baseUrl: BASE });

    const result = await transport.request({ method: 'GET', path: 'things/7', schema: thingSchema });

    expect(result.data).toEqual(masked);
    expect(result.body).toEqual(masked);
    expect(JSON.stringify(result)).not.toContain(CANARY_KEY);
    const text = await result.response.text();
    expect(text).not.toContain(CANARY_KEY);
    expect(JSON.parse(text)).toEqual(masked);
  });

  it('has it masked when validateResponses is false and the body is handed over as sent', async () => {
    answer(() => HttpResponse.json({ ...echoing, id: 'seven' }));
    const logger = captureLogger();
    const transport = testTransport({ baseUrl: BASE, validateResponses: false, logger });

    const result = await transport.request({ method: 'GET', path: 'things/7', schema: thingSchema });

    expect(result.data).toEqual({ ...masked, id: 'seven' });
    expect(await result.response.json()).toEqual({ ...masked, id: 'seven' });
    expect(logger.lines.join('\n')).not.toContain(CANARY_KEY);
  });

  it('has it masked in a non-JSON 2xx handed over as text (validateResponses: false)', async () => {
    answer(() => HttpResponse.text(`welcome ${CANARY_KEY}`));
    const transport = testTransport({ baseUrl: BASE, validateResponses: false });

    const result = await transport.request({ method: 'GET', path: 'things' });

    expect(result.data).toBe('welcome ***');
    expect(await result.response.text()).toBe('welcome ***');
  });

  it('has it masked in the body of an operation that ignores it', async () => {
    answer(() => HttpResponse.json({ echoed: CANARY_KEY }));
    const transport = testTransport({ baseUrl: BASE });

    const result = await transport.request({ method: 'DELETE', path: 'things/7', ignoreBody: true });

    expect(result.body).toEqual({ echoed: '***' });
    expect(await result.response.text()).toBe('{"echoed":"***"}');
  });
});

describe('masking keeps the JSON intact', () => {
  it('leaves numbers that a key of digits spells, and masks it in strings', async () => {
    const key = '20481632';
    const sent = `{"id":${key},"total":${key}0,"next":"${BASE}/things?page=2&apikey=${key}","ids":["${key}"]}`;
    answer(() => new HttpResponse(sent, { headers: { 'content-type': 'application/json' } }));
    const transport = testTransport({ baseUrl: BASE, apiKey: key, auth: queryAuth('apikey') });

    const result = await transport.request({ method: 'GET', path: 'things' });

    const expected = {
      id: 20481632,
      total: 204816320,
      next: `${BASE}/things?page=2&apikey=***`,
      ids: ['***'],
    };
    expect(result.data).toEqual(expected);
    expect(await result.response.json()).toEqual(expected);
  });

  it('keeps the escapes of strings that hold no key, and decodes those that do', async () => {
    // PHP's json_encode: `\/` for slashes, `\u00e5` for å. The second string's escapes spell "n" + the key's tail.
    const key = 'nKEY-7f3a9c';
    const sent = `{"name":"Åsa \\u00e5","odd":"x\\nKEY-7f3a9c","next":"https:\\/\\/x.test\\/?apikey=${key}"}`;
    answer(() => new HttpResponse(sent, { headers: { 'content-type': 'application/json' } }));
    const transport = testTransport({ baseUrl: BASE, apiKey: key });

    const result = await transport.request({ method: 'GET', path: 'things' });

    const expected = { name: 'Åsa å', odd: 'x\nKEY-7f3a9c', next: 'https://x.test/?apikey=***' };
    expect(result.data).toEqual(expected);
    expect(await result.response.text()).toBe(
      '{"name":"Åsa \\u00e5","odd":"x\\nKEY-7f3a9c","next":"https://x.test/?apikey=***"}',
    );
  });

  it('hands over a body without the key as sent', async () => {
    const sent = '{ "id": 7, "name": "Ada\\u0020L" }';
    answer(() => new HttpResponse(sent, { headers: { 'content-type': 'application/json' } }));
    const transport = testTransport({ baseUrl: BASE });

    const result = await transport.request({ method: 'GET', path: 'things/7' });

    expect(result.data).toEqual({ id: 7, name: 'Ada L' });
    expect(await result.response.text()).toBe(sent);
  });
});
