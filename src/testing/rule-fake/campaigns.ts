import { deliver } from './campaign-delivery.js';
import { readCampaign } from './campaign-input.js';
import { fail, SUCCESS } from './http.js';
import { paginate } from './pagination.js';
import type { FakeRequest } from './request.js';
import { type FakeContext, type Route, v2 } from './router.js';
import type { FakeCampaign, RuleFakeState } from './state.js';
import { subscriberRef } from './wire.js';

const listItem = (c: FakeCampaign) => ({
  id: c.id,
  name: c.name,
  ...(c.sent_at ? { sent_at: c.sent_at } : {}),
  created_at: c.created_at,
  status: c.status,
  type: c.type,
});

function campaignWire(state: RuleFakeState, c: FakeCampaign) {
  return {
    ...listItem(c),
    email_template_id: c.email_template_id,
    recipients: {
      tags: c.recipients.tags.map((r) => ({ ...r })),
      segments: c.recipients.segments.map((r) => ({ ...r })),
      subscribers: c.sent_to.flatMap((id) => subscriberRef(state.subscribers.find((s) => s.id === id)) ?? []),
    },
  };
}

function campaignFromPath(request: FakeRequest, state: RuleFakeState): FakeCampaign {
  const campaign = state.campaigns.find((c) => String(c.id) === request.params.id);
  return campaign ?? fail(404, 'CampaignNotFound', 'Could not find campaign.');
}

/** #28: filters `type` (1 email, 2 SMS), `created_from|to`, `sent_from|to` (`YYYY-MM-DD`, inclusive). */
function list(request: FakeRequest, { state }: FakeContext) {
  const q = request.query;
  const type = { '1': 'email', '2': 'text_message' }[q.get('type') ?? ''] ?? q.get('type');
  const inRange = (value: string | null, from: string | null, to: string | null) =>
    (from === null || (value !== null && value.slice(0, 10) >= from)) &&
    (to === null || (value !== null && value.slice(0, 10) <= to));
  const campaigns = state.campaigns.filter(
    (c) =>
      (type === null || c.type === type) &&
      inRange(c.created_at, q.get('created_from'), q.get('created_to')) &&
      inRange(c.sent_at, q.get('sent_from'), q.get('sent_to')),
  );
  return paginate(request, campaigns, 'campaigns', listItem);
}

function dispatch(mode: 'send' | 'schedule') {
  return (request: FakeRequest, ctx: FakeContext) => {
    const campaign = readCampaign(request, ctx, mode);
    if (mode === 'send') deliver(ctx.state, campaign, ctx.now());
    else campaign.status = 'scheduled';
    return { success: true, campaign_id: campaign.id };
  };
}

export const campaignRoutes: Route[] = [
  v2('GET', 'campaigns', list),
  v2('POST', 'campaigns', (request, ctx) => campaignWire(ctx.state, readCampaign(request, ctx, 'draft'))),
  v2('POST', 'campaigns/send', dispatch('send')),
  v2('POST', 'campaigns/schedule', dispatch('schedule')),
  v2('GET', 'campaigns/:id', (request, { state }) => campaignWire(state, campaignFromPath(request, state))),
  v2('GET', 'campaigns/:id/statistics', (request, { state }) => {
    const c = campaignFromPath(request, state);
    return { sent: c.sent_to.length, name: c.name, sent_at: c.sent_at, ...structuredClone(c.statistics) };
  }),
  v2('DELETE', 'campaign/:id', (request, { state }) => {
    const campaign = campaignFromPath(request, state);
    state.campaigns = state.campaigns.filter((c) => c !== campaign);
    return SUCCESS;
  }),
];
