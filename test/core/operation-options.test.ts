import { expect, it } from 'vitest';
import { ResponseValidationError } from '../../src/core/errors/response-validation-error.js';
import { PermissionDeniedError } from '../../src/core/errors/status-errors.js';
import { useServers } from '../helpers/http-server.js';
import { testTransport } from '../helpers/test-transport.js';

const serve = useServers();

it('appends the operation hint for the failing status to the error message', async () => {
  const server = await serve((_req, res) => {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ error: 'forbidden', message: 'This API key does not have the required permission.' }),
    );
  });
  const transport = testTransport({ baseUrl: server.url });
  const error = await transport
    .request({ method: 'GET', path: 'rules/1', hints: { 403: 'needs scope READ_RULES', 404: 'unused' } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PermissionDeniedError);
  expect((error as Error).message).toBe(
    '403 forbidden: This API key does not have the required permission. (needs scope READ_RULES)',
  );
});

it('ignoreBody accepts any 2xx body, even one that is not JSON, and keeps it reachable', async () => {
  const server = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('OK');
  });
  const transport = testTransport({ baseUrl: server.url });
  const ignored = await transport.request({ method: 'DELETE', path: 'things/1', ignoreBody: true });
  expect(ignored.data).toBeUndefined();
  expect(ignored.body).toBe('OK');
  // Without it, a non-JSON 2xx is a ResponseValidationError.
  await expect(transport.request({ method: 'DELETE', path: 'things/1' })).rejects.toBeInstanceOf(
    ResponseValidationError,
  );
});
