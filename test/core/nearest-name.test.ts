import { expect, it } from 'vitest';
import { nearestName } from '../../src/internal/nearest-name.js';

const transaction = ['type', 'transaction_name', 'subject', 'from', 'to', 'content'];

it('names the defined key inside a name with words joined on, before a longer edit', () => {
  // rule.md §2.9's wire name for what the SDK takes as `type`; `transaction_name` is only three edits away.
  expect(nearestName('transaction_type', transaction)).toBe('type');
  expect(nearestName('transactionType', transaction)).toBe('type');
  expect(nearestName('subscriber_email', ['email', 'id', 'phone_number', 'custom_identifier'])).toBe('email');
  expect(nearestName('email_address', ['email', 'name'])).toBe('email');
  expect(nearestName('rule_amount_in_cents', ['amountInCents', 'description'])).toBe('amountInCents');
});

it('keeps a one-letter slip ahead of a shorter key inside the name', () => {
  expect(nearestName('subscriber_id', ['id', 'subscriber_ids'])).toBe('subscriber_ids');
  expect(nearestName('transaction_nam', transaction)).toBe('transaction_name');
});

it('matches whole words only', () => {
  expect(nearestName('subtype', ['type', 'name'])).toBeUndefined();
});
