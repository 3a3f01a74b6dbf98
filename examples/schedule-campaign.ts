// Schedule an email campaign to a tag for tomorrow 09:00 Stockholm time (the SDK formats the Date for Rule).
import { connect } from './connect.ts';

const { rule, close } = await connect();
try {
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  tomorrow.setUTCHours(8, 0, 0, 0); // 09:00 in Stockholm in winter, 10:00 in summer
  const { campaign_id } = await rule.campaigns.schedule({
    subject: 'Spring sale',
    from: { name: 'Demo Shop', email: 'shop@example.com' },
    message_type: 'email',
    recipients: { tags: [{ identifier: 'Newsletter' }] },
    content: { html: '<h1>Spring sale</h1><p>20 % off – hela veckan.</p>', plain: 'Spring sale: 20 % off' },
    send_at: tomorrow,
  });
  // Rule's answer normally names the campaign; the schedule stands even when it does not.
  if (campaign_id === undefined) throw new Error('Rule scheduled the campaign without saying its id');
  const campaign = await rule.campaigns.get(campaign_id);
  console.log(
    `campaign ${campaign_id} scheduled (${campaign.status ?? 'scheduled'}) for ${tomorrow.toISOString()}`,
  );
} finally {
  await close();
}
