// The baselines of row 2: the card's libraries used naively (a ky instance with its retry off, p-retry around each
// call, zod classic's `.parse` on a schema of the page), and openai-node's generic `client.get`, both pointed at the
// same loopback server and page the SDK reads.
import ky from 'ky';
import OpenAI from 'openai';
import pRetry from 'p-retry';
import { z } from 'zod';

const idLike = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const subscriberRef = z.looseObject({
  id: idLike,
  email: z.string().nullish(),
  phone_number: z.string().nullish(),
});
const suppression = z.looseObject({
  id: idLike,
  created_at: z.string().optional(),
  dispatcher_type: z.string().optional(),
  message_type: z.enum(['email', 'text_message']).optional(),
  suppressed_source_type: z.string().optional(),
  subscriber: subscriberRef.optional(),
});
const segment = z.looseObject({
  id: idLike,
  name: z.string(),
  description: z.string().nullish(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  sync_at: z.string().nullish(),
});
/** Rule's documented subscriber page, as someone would write it by hand with zod classic. */
const subscriberPage = z.looseObject({
  subscribers: z.array(
    z.looseObject({
      id: idLike,
      email: z.string().nullish(),
      phone_number: z.string().nullish(),
      custom_identifier: z.string().nullish(),
      language: z.string().optional(),
      opted_in: z.boolean().optional(),
      created_at: z.string().optional(),
      updated_at: z.string().optional(),
      tags: z.array(z.looseObject({ id: idLike, name: z.string() })).nullish(),
      suppressed: z.union([z.array(suppression), z.boolean()]).optional(),
      syncAtSegments: z.array(segment).optional(),
    }),
  ),
  meta: z.union([z.looseObject({ next: z.string().nullish() }), z.array(z.unknown()).max(0)]).optional(),
});

/** `ky` with retry 0 + `p-retry` + zod classic `.parse`: one validated page per call. */
export function cardStackCall(baseUrl, apiKey) {
  const api = ky.create({ prefix: baseUrl, retry: 0, headers: { authorization: `Bearer ${apiKey}` } });
  return () =>
    pRetry(
      async () => subscriberPage.parse(await api.get('subscribers', { searchParams: { limit: 100 } }).json()),
      {
        retries: 2,
      },
    );
}

/** openai-node's `client.get` of the same page (its own retries, headers and parsing; no validation). */
export function openaiCall(baseUrl, apiKey) {
  const client = new OpenAI({ apiKey, baseURL: baseUrl });
  return () => client.get('/subscribers', { query: { limit: 100 } });
}
