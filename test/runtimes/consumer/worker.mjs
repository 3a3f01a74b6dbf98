// Cloudflare's workerd: a module worker that runs the scenario for the JSON input POSTed to it.
import { smoke } from './scenario.mjs';
import { sdk } from './sdk.mjs';

export default {
  async fetch(request) {
    try {
      return Response.json(await smoke({ sdk, ...(await request.json()) }));
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
