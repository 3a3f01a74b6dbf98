import { type RuleCall, v2 } from './call.js';
import { deliver } from './campaign-delivery.js';
import { readCampaign } from './campaign-input.js';
import { paginate } from './pagination.js';
import { fail, SUCCESS } from './replies.js';
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

function campaignFromPath({ params, state }: RuleCall): FakeCampaign {
  const campaign = state.campaigns.find((c) => String(c.id) === params.id);
  return campaign ?? fail(404, 'CampaignNotFound', 'Could not find campaign.');
}

/** #28: filters `type` (1 email, 2 SMS), `created_from|to`, `sent_from|to` (`YYYY-MM-DD`, inclusive). */
function list(call: RuleCall) {
  const { query: q, state } = call;
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
  return paginate(call, campaigns, 'campaigns', listItem);
}

function dispatch(mode: 'send' | 'schedule') {
  return (call: RuleCall) => {
    const campaign = readCampaign(call, mode);
    if (mode === 'send') deliver(call.state, campaign, call.now);
    else campaign.status = 'scheduled';
    return { success: true, campaign_id: campaign.id };
  };
}

export const campaignRoutes = [
  v2('GET', 'campaigns', list),
  v2('POST', 'campaigns', (call) => campaignWire(call.state, readCampaign(call, 'draft'))),
  v2('POST', 'campaigns/send', dispatch('send')),
  v2('POST', 'campaigns/schedule', dispatch('schedule')),
  v2('GET', 'campaigns/:id', (call) => campaignWire(call.state, campaignFromPath(call))),
  v2('GET', 'campaigns/:id/statistics', (call) => {
    const c = campaignFromPath(call);
    return { sent: c.sent_to.length, name: c.name, sent_at: c.sent_at, ...structuredClone(c.statistics) };
  }),
  v2('DELETE', 'campaign/:id', (call) => {
    const { state } = call;
    const campaign = campaignFromPath(call);
    state.campaigns = state.campaigns.filter((c) => c !== campaign);
    return SUCCESS;
  }),
];
