// Make a subscriber's tags match a wanted set: add what is missing, remove what is extra.
import { connect } from './connect.ts';

const email = 'john@example.com';
const wanted = new Set(['Newsletter', 'VIP']);

const { rule, close } = await connect();
try {
  const current = await rule.subscribers.tags.list({ email });
  const have = new Set(current.map((t) => t.name));
  const missing = [...wanted].filter((name) => !have.has(name));
  const extra = current.filter((t) => !wanted.has(t.name));
  if (missing.length > 0) await rule.subscribers.tags.add({ email }, missing);
  // By id: a tag could be named "clear" or be all digits.
  for (const tag of extra) await rule.subscribers.tags.remove({ email }, tag.id);
  const after = await rule.subscribers.tags.list({ email });
  console.log(
    `${email}: ${after.map((t) => t.name).join(', ')} (added ${missing.length}, removed ${extra.length})`,
  );
} finally {
  await close();
}
