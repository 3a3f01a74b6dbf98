/** Deterministic ids in the docs' style (`rule_01HF000001`): a fresh fake makes the same ids in the same order. */
export function idMaker(stamp: string): (prefix: string) => string {
  let count = 0;
  return (prefix) => `${prefix}_${stamp}${(++count).toString(36).toUpperCase().padStart(6, '0')}`;
}
