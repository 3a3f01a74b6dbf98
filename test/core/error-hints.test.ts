import { expect, it } from 'vitest';
import { PermissionDeniedError } from '../../src/core/index.js';
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
