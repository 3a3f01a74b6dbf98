import { type FakeCampaign, type FakeCampaignRecipient, type RuleFakeState, ruleTime } from './state.js';

/** Rule reports opens, clicks and bounces as they happen; the fake sends nothing, so they stay 0. */
export function emptyStatistics(): FakeCampaign['statistics'] {
  return {
    open: { unique: 0, total: 0 },
    click: { unique: 0, total: 0 },
    browser: { unique: 0, total: 0 },
    bounced: { hard: 0, soft: 0 },
    unsubscribed: { user: 0, spam: 0 },
  };
}

/** Sends: members of the included tags and segments, minus the excluded, the blocked, the suppressed and the unreachable. */
export function deliver(state: RuleFakeState, campaign: FakeCampaign, now: number) {
  const members = (r: FakeCampaignRecipient, kind: 'tags' | 'segments') =>
    kind === 'tags'
      ? state.subscribers.filter((s) => s.tags.includes(r.id)).map((s) => s.id)
      : (state.segments.find((s) => s.id === r.id)?.subscriber_ids ?? []);
  const included = new Set<number>();
  const excluded = new Set<number>();
  for (const kind of ['tags', 'segments'] as const) {
    for (const r of campaign.recipients[kind])
      for (const id of members(r, kind)) (r.negative ? excluded : included).add(id);
  }
  const suppressed = new Set(
    state.suppressions
      .filter((s) => s.dispatcher_type === 'campaign' && s.message_type === campaign.type)
      .map((s) => s.subscriber_id),
  );
  campaign.sent_to = state.subscribers
    .filter(
      (s) =>
        included.has(s.id) &&
        !excluded.has(s.id) &&
        !suppressed.has(s.id) &&
        s.status === 'ACTIVE' &&
        s.opted_in &&
        (campaign.type === 'email' ? s.email !== null : s.phone_number !== null),
    )
    .map((s) => s.id);
  campaign.status = 'sent';
  campaign.sent_at = ruleTime(now);
}

/** Sends scheduled campaigns whose `send_at` (Stockholm time) has come; run before every request. */
export function deliverDueCampaigns(state: RuleFakeState, now: number) {
  const current = ruleTime(now);
  for (const campaign of state.campaigns) {
    if (campaign.status === 'scheduled' && campaign.send_at !== null && campaign.send_at <= current) {
      deliver(state, campaign, now);
    }
  }
}
