import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../src/core/errors/configuration-error.js';
import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { ICLOUDREADY_BASE_URL } from '../../src/icloudready/profile.js';
import { useSpecMock } from '../helpers/spec-mock.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { BASE, icloudreadyV2, testICloudReadyClient } from './icloudready-mock.js';

const { server, seen, answer } = useSpecMock(icloudreadyV2);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ICloudReadyClient', () => {
  it("defaults to the documented base URL, which the spec's server matches", () => {
    expect(ICLOUDREADY_BASE_URL).toBe('https://api.icloud-ready.com/api/v2');
    expect(BASE).toBe(ICLOUDREADY_BASE_URL);
  });

  it('reads the key from ICLOUDREADY_API_KEY when none is passed', async () => {
    vi.stubEnv('ICLOUDREADY_API_KEY', CANARY_KEY);
    answer('getSequence');
    await new ICloudReadyClient({ rateLimit: false }).sequences.retrieve('s1');
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  });

  it('refuses to start without a key, naming the variable', () => {
    vi.stubEnv('ICLOUDREADY_API_KEY', '');
    expect(() => new ICloudReadyClient()).toThrow(ConfigurationError);
    expect(() => new ICloudReadyClient()).toThrow(/ICLOUDREADY_API_KEY/);
  });

  it('sends to a custom base URL, keeping its path', async () => {
    const paths: string[] = [];
    server.use(
      http.get('http://localhost:8787/api/v2/sequences/:id', ({ request }) => {
        paths.push(new URL(request.url).pathname);
        return HttpResponse.json({ id: 's1' });
      }),
    );
    const local = testICloudReadyClient({ baseUrl: 'http://localhost:8787/api/v2' });
    expect(await local.sequences.retrieve('s1')).toEqual({ id: 's1' });
    expect(paths).toEqual(['/api/v2/sequences/s1']);
  });

  it('offers the generic escape hatch with the same auth', async () => {
    answer('createSequenceActivity');
    const icr = testICloudReadyClient();
    const body = await icr.request<Record<string, unknown>>({
      method: 'POST',
      path: 'sequences/activity',
      body: { action: 'opened' },
    });
    expect(body.action).toBe('enrolled');
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    expect(seen[0]!.body).toEqual({ action: 'opened' });
  });
});
