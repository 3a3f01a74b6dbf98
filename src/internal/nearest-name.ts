/** Case, `_` and `-` do not tell names apart for a suggestion: `updateOnDuplicate` means `update_on_duplicate`. */
const normalise = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/** Edit distance (insert, delete, substitute), giving up once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** A name's words, lower case: `amountInCents` and `amount_in_cents` are both `amount in cents`. */
const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_-]+/)
    .filter(Boolean);

/** `transaction_type` is `type` with a word before it; `email_address` is `email` with a word after it. */
function withWordsAround(name: readonly string[], candidate: readonly string[]): boolean {
  if (candidate.length === 0 || name.length <= candidate.length) return false;
  const same = (offset: number) => candidate.every((word, i) => name[offset + i] === word);
  return same(0) || same(name.length - candidate.length);
}

/** The defined name a misspelt one most likely meant, if one is close enough to suggest. */
export function nearestName(name: string, defined: readonly string[]): string | undefined {
  const wanted = normalise(name);
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of defined) {
    const d = distance(wanted, normalise(candidate), limit);
    if (d <= limit && (best === undefined || d < best.distance)) best = { name: candidate, distance: d };
  }
  // A slip of one letter (`emial`, `account_roles`) is the likeliest meaning; else a defined name with words joined
  // on (`transaction_type` for `type`) outranks a longer edit (`transaction_name`), when only one fits.
  if (best && best.distance <= 1) return best.name;
  const nameWords = words(name);
  const around = defined.filter((candidate) => withWordsAround(nameWords, words(candidate)));
  if (around.length === 1) return around[0];
  if (best) return best.name;
  // A name cut short or run on (`amount` for `amount_in_cents`) is the only one that shares its start.
  const sharing = defined.filter((candidate) => {
    const other = normalise(candidate);
    return wanted.length >= 3 && other.length >= 3 && (other.startsWith(wanted) || wanted.startsWith(other));
  });
  return sharing.length === 1 ? sharing[0] : undefined;
}
