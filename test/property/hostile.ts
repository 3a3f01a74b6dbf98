import fc from '../helpers/fast-check.js';

// What a careless or hostile caller can hand an SDK method: any code point (lone surrogates included), strings that
// mean something in a URL, numbers JSON cannot hold, values JSON.stringify chokes on or silently drops, cycles,
// prototype keys and exotic objects. Throwing getters and proxies are left out: an exception raised by the caller's
// own code is the caller's to see.

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const anyCodePoint = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
);

const meaningfulStrings = fc.constantFrom(
  '',
  '.',
  '..',
  '../../admin',
  '/',
  '%',
  '%2e%2e',
  '%00',
  '?apikey=x',
  '#frag',
  ' ',
  '\u0000',
  'a\r\nX-Injected: 1',
  '__proto__',
  'constructor',
  'toString',
  '0',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '<script>alert(1)</script>',
  '\u202Eevil',
  'é'.normalize('NFD'),
  '👩‍👩‍👧‍👦',
  'x'.repeat(5_000),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: anyCodePoint, maxLength: 12 }),
  meaningfulStrings,
);

const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, -1, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 53, 2 ** 31, Number.MIN_VALUE, 1e21),
);

const hostileKey = fc.oneof(
  hostileString,
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'apikey'),
);

const exotic = fc.constantFrom<unknown>(
  Symbol('s'),
  () => 'f',
  new Date(Number.NaN),
  new Map([['a', 1]]),
  new Set([1]),
  new Uint8Array([1, 2]),
  Object.create(null),
  new String('boxed'),
  Promise.resolve(1),
  new AbortController().signal,
  new Error('not input'),
);

/** A small object that refers to itself. */
const cyclic = fc.dictionary(hostileKey, fc.integer(), { maxKeys: 3 }).map((object) => {
  const node = object as Record<string, unknown>;
  node.self = node;
  return node;
});

export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  exotic,
  cyclic,
);

/** Any value, nested, with hostile leaves and keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileLeaf },
  {
    weight: 2,
    arbitrary: fc.anything({
      key: hostileKey,
      values: [hostileLeaf],
      maxDepth: 3,
      maxKeys: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  },
);

/** What a mutation does to one place of a valid input. */
export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown };

/** Mutations whose new values come from `values` and new keys from `keys`. */
export function mutationOf(
  values: fc.Arbitrary<unknown>,
  keys: fc.Arbitrary<string>,
): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: values }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: keys, value: values }),
  );
}

/** A hostile change to one place of a caller's input. */
export const mutation = mutationOf(hostileValue, hostileKey);

type Container = Record<PropertyKey, unknown> | unknown[];

/** Every place (container and key) inside a plain JSON-like value: object properties and array items. */
function places(root: Container): Array<[Container, PropertyKey]> {
  const out: Array<[Container, PropertyKey]> = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node) || (typeof node === 'object' && node !== null && node.constructor === Object)) {
      for (const key of Object.keys(node)) {
        out.push([node as Container, Array.isArray(node) ? Number(key) : key]);
        visit((node as Record<string, unknown>)[key]);
      }
    }
  };
  visit(root);
  return out;
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value === 'object' && value !== null && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  }
  return value;
}

/** A copy of `args` with one place changed as the mutation says; the original is left as it was. */
export function applyMutation(args: readonly unknown[], m: Mutation): unknown[] {
  const root = copy([...args]) as unknown[];
  const all = places(root);
  const [container, key] = all[m.at % all.length] ?? [root, 0];
  if (m.kind === 'replace') (container as Record<PropertyKey, unknown>)[key] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  } else {
    const target = (container as Record<PropertyKey, unknown>)[key];
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, {
        value: m.value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    } else (container as Record<PropertyKey, unknown>)[key] = m.value;
  }
  return root;
}
