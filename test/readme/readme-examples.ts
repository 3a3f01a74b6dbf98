import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../surface/entry-points.ts';

// The README's TypeScript examples, shared by the type check (check-readme-examples.ts, run by `npm run typecheck`)
// and the run against the sandbox (run-readme-examples.ts, `npm run test:readme`).

export interface ReadmeExample {
  code: string;
  /** Line of the opening fence in README.md, for messages. */
  line: number;
  /** Why the example is only type-checked, from a `<!-- readme: not run: … -->` line just above its fence. */
  notRun: string | undefined;
}

/** Every ```ts block, list items' indented ones included (their indentation removed). */
export function readmeExamples(): ReadmeExample[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^( *)```ts\n([\s\S]*?)^\1```$/gm)].map((match) => {
    const [, indent, code] = match;
    const before = readme.slice(0, match.index);
    const previousLine = before.trimEnd().split('\n').at(-1) ?? '';
    return {
      code: code!.replace(new RegExp(`^${indent}`, 'gm'), ''),
      line: before.split('\n').length,
      notRun: /<!-- readme: not run: (.+?) -->/.exec(previousLine)?.[1],
    };
  });
}

/**
 * What the examples leave to the reader's own code, or take from an earlier example on the same page (a snippet
 * that goes on from the one before it): a declaration for the type check and a value for the run, side by side so
 * they cannot drift. Each is added only to an example that uses the name without binding it. `{{…}}` in a value
 * is filled in by the runner from the sandbox (ids that exist there).
 */
export const AMBIENT: Record<string, { type: string; value: string }> = {
  rows: {
    type: `declare const rows: import('ruleseq/rule').SubscriberInput[];`,
    value:
      "const rows = Array.from({ length: 2500 }, (_, i) => ({ email: 'reader-' + i + '@example.com' }));",
  },
  bar: {
    type: 'declare const bar: { update(done: number): void };',
    value: "const bar = { update(done: number) { process.stdout.write('\\r' + done + ' imported'); } };",
  },
  orderId: {
    type: 'declare const orderId: string;',
    value: 'const orderId = crypto.randomUUID().slice(0, 8);',
  },
  ruleId: { type: 'declare const ruleId: string;', value: `const ruleId = '{{platformRuleId}}';` },
  sourceAccountId: {
    type: 'declare const sourceAccountId: string;',
    value: `const sourceAccountId = '{{platformSourceAccountId}}';`,
  },
  destinationAccountId: {
    type: 'declare const destinationAccountId: string;',
    value: `const destinationAccountId = '{{platformDestinationAccountId}}';`,
  },
  signUp: {
    type: `declare function signUp(rule: import('ruleseq/rule').RuleClient, email: string): Promise<void>;`,
    value: `async function signUp(rule: import('ruleseq/rule').RuleClient, email: string) {
  await rule.transactions.send({ type: 'email', to: { email }, from: { name: 'Shop', email: 'shop@example.com' },
    subject: 'Welcome', content: { html: '<p>Welcome</p>', plain: 'Welcome' } });
}`,
  },
  payRent: {
    type: `declare function payRent(client: import('ruleseq/sequence-platform').SequencePlatformClient): Promise<void>;`,
    value: `async function payRent(client: import('ruleseq/sequence-platform').SequencePlatformClient) {
  await client.transfers.create({ sourceAccountId: '{{platformSourceAccountId}}',
    destinationAccountId: '{{platformDestinationAccountId}}', amountInCents: 120_000, description: 'Rent' });
}`,
  },
  expect: {
    type: 'declare function expect(value: unknown): { toHaveLength(length: number): void };',
    value: `function expect(value: unknown) {
  return { toHaveLength(length: number) {
    const actual = (value as unknown[]).length;
    if (actual !== length) throw new Error(\`expected length \${length}, got \${actual}\`);
  } };
}`,
  },
  platform: {
    type: `declare const platform: import('ruleseq/sequence-platform').SequencePlatformClient;`,
    value: `const platform = new (await import('ruleseq/sequence-platform')).SequencePlatformClient();`,
  },
  SequencePlatformClient: {
    type: `declare const SequencePlatformClient: typeof import('ruleseq/sequence-platform').SequencePlatformClient;`,
    value: `const { SequencePlatformClient } = await import('ruleseq/sequence-platform');`,
  },
  createRuleFake: {
    type: `declare const createRuleFake: typeof import('ruleseq/testing').createRuleFake;`,
    value: `const { createRuleFake } = await import('ruleseq/testing');`,
  },
  createSequenceFake: {
    type: `declare const createSequenceFake: typeof import('ruleseq/testing').createSequenceFake;`,
    value: `const { createSequenceFake } = await import('ruleseq/testing');`,
  },
  RuleClient: {
    type: `declare const RuleClient: typeof import('ruleseq/rule').RuleClient;`,
    value: `const { RuleClient } = await import('ruleseq/rule');`,
  },
  Span: {
    type: 'interface Span { setAttributes(attributes: Record<string, string | number>): void; end(): void }',
    value: 'interface Span { setAttributes(attributes: Record<string, string | number>): void; end(): void }',
  },
  tracer: {
    type: 'declare const tracer: { startSpan(name: string): Span };',
    value: `const tracer = { startSpan: (name: string): Span => ({ setAttributes() {}, end() {} }) };`,
  },
};

/** Whether an example binds `name` itself: imports it, or declares it as a variable, function or class. */
function binds(code: string, name: string): boolean {
  const word = `\\b${name}\\b`;
  return (
    new RegExp(`import[^;]*${word}[^;]*from`).test(code) ||
    new RegExp(`\\b(const|let|var|function|class|interface|type)\\s+${name}\\b`).test(code) ||
    new RegExp(`\\b(const|let|var)\\s*\\{[^}]*${word}[^}]*\\}\\s*=`).test(code)
  );
}

/** The ambient names an example uses without binding them. */
export function ambientNames(code: string): string[] {
  return Object.keys(AMBIENT).filter((name) => new RegExp(`\\b${name}\\b`).test(code) && !binds(code, name));
}
