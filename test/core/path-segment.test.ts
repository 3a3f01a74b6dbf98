import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { pathSegment } from '../../src/internal/path-segment.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';

const requests: string[] = [];
const server = setupServer(
  http.all('*', ({ request }) => {
    requests.push(request.url);
    return HttpResponse.json({});
  }),
);
beforeAll(() => server.listen());
afterAll(() => server.close());

it('encodes a value as one segment and refuses the ones URL parsing would resolve', () => {
  expect(pathSegment('a/b c+d', 'id')).toBe('a%2Fb%20c%2Bd');
  expect(pathSegment(42, 'id')).toBe('42');
  expect(pathSegment('...', 'id')).toBe('...');
  for (const bad of ['', '.', '..']) expect(() => pathSegment(bad, 'id')).toThrow(RequestValidationError);
});

it('no client can be steered to another path with "." or ".." (nothing is sent)', async () => {
  const rule = new RuleClient({ apiKey: 'k-123456', rateLimit: false });
  const seq = new SequenceClient({ apiKey: 'k-123456', rateLimit: false });
  const attempts = [
    rule.subscribers.get({ email: '..' }),
    rule.subscribers.delete({ custom_identifier: '.' } as never),
    rule.tags.get('..'),
    rule.fields.get('..'),
    rule.subscribers.tags.remove({ id: 1 }, '.'),
    seq.rules.get('..'),
    seq.transfers.get('.'),
  ];
  for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(RequestValidationError);
  expect(requests).toEqual([]);
});
