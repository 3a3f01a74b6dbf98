import * as icloudreadyZod from '../../src/icloudready/generated/v2/zod.gen.js';
import * as ruleV2Zod from '../../src/rule/generated/v2/zod.gen.js';
import * as ruleV3Zod from '../../src/rule/generated/v3/zod.gen.js';
import * as sequenceZod from '../../src/sequence/generated/v1/zod.gen.js';
import {
  deref,
  examplesOf,
  type Json,
  loadSpec,
  operations,
  parameters,
  responses,
  type SpecOperation,
} from '../helpers/spec-document.js';

// Decides whether a request the SDK put on the wire is one the API documents: a documented method and path with
// cleanly encoded path parameters, only documented query parameters, and a JSON body the generated schema accepts.

interface Api {
  serverUrl: string;
  operations: SpecOperation[];
  doc: Json;
  schemas: Record<string, unknown>;
}

function api(file: string, schemas: Record<string, unknown>): Api {
  const doc = loadSpec(file);
  return { serverUrl: (doc.servers as Json[])[0]!.url as string, operations: operations(doc), doc, schemas };
}

const APIS: Api[] = [
  api('rule-v2.yaml', ruleV2Zod),
  api('rule-v3.yaml', ruleV3Zod),
  api('sequence-v1.yaml', sequenceZod),
  api('icloudready-v2.yaml', icloudreadyZod),
];

/** Query parameters that carry credentials rather than documented input. */
const AUTH_PARAMS = new Set(['apikey']);
const HEADER_TOKEN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

export interface WireRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The body as sent, or undefined. */
  text: string | undefined;
}

/** Problems with a request sent through a client's raw `request()`: anything goes, on the API's own origin. */
export function originProblems(request: WireRequest): string[] {
  return APIS.some((a) => new URL(a.serverUrl).origin === request.url.origin)
    ? []
    : [`${request.url.origin} is not an API origin`];
}

/** The documented operations a request could be. */
function candidates(method: string, url: URL): Array<{ a: Api; o: SpecOperation; rest: string }> {
  return APIS.flatMap((a) => {
    const base = new URL(a.serverUrl);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${base.pathname}/`)) return [];
    const rest = url.pathname.slice(base.pathname.length);
    return a.operations
      .filter((o) => o.method === method && pathMatches(o.path, rest))
      .map((o) => ({ a, o, rest }));
  });
}

/**
 * The documented success answer to a request: the first 2xx status with an example and that example, or a 2xx
 * documented without a body. Literal paths win over templated ones (`/subscribers/block` over
 * `/subscribers/{identifier}`).
 */
export function documentedAnswer(method: string, url: URL): { status: number; body: unknown } | undefined {
  const literalness = (path: string) => path.split('/').filter((part) => !part.startsWith('{')).length;
  const [best] = candidates(method, url).sort((x, y) => literalness(y.o.path) - literalness(x.o.path));
  if (!best) return undefined;
  const ok = responses(best.a.doc, best.o.op).filter(([code]) => code.startsWith('2'));
  for (const [code, response] of ok) {
    const [example] = examplesOf(best.a.doc, response);
    if (example !== undefined) return { status: Number(code), body: example };
  }
  // An answer documented without a body (204).
  return ok.length > 0 && !ok[0]![1].content ? { status: Number(ok[0]![0]), body: undefined } : undefined;
}

/** Problems that make `request` something the API does not document; an empty list means it is valid. */
export function problemsWith(request: WireRequest): string[] {
  const found = candidates(request.method, request.url);
  if (found.length === 0) return [`no documented operation is ${request.method} ${request.url.pathname}`];
  // Valid when it is valid as at least one of the operations it could be.
  const verdicts = found.map(({ a, o, rest }) => [
    ...segmentProblems(o.path, rest),
    ...queryProblems(a, o, request.url),
    ...bodyProblems(a, o, request),
    ...headerProblems(request),
  ]);
  return verdicts.find((problems) => problems.length === 0) ?? verdicts[0]!;
}

function pathMatches(template: string, path: string): boolean {
  const want = template.replace(/\/$/, '').split('/');
  const got = path.replace(/\/$/, '').split('/');
  return want.length === got.length && want.every((part, i) => part.startsWith('{') || part === got[i]);
}

function segmentProblems(template: string, path: string): string[] {
  const want = template.split('/');
  const got = path.split('/');
  const problems: string[] = [];
  want.forEach((part, i) => {
    if (!part.startsWith('{')) return;
    const raw = got[i] ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      problems.push(`path parameter ${part} is not valid percent-encoding: ${raw}`);
      return;
    }
    if (decoded === '' || decoded === '.' || decoded === '..')
      problems.push(`path parameter ${part} is "${decoded}"`);
    if (encodeURIComponent(decoded) !== raw && !/^[\w.~-]+$/.test(raw)) {
      problems.push(`path parameter ${part} is not encoded canonically: ${raw}`);
    }
  });
  return problems;
}

function queryProblems(a: Api, o: SpecOperation, url: URL): string[] {
  const documented = new Set(
    parameters(a.doc, o.op)
      .filter((p) => p.in === 'query')
      .map((p) => p.name as string),
  );
  return [...new Set(url.searchParams.keys())]
    .filter((name) => !documented.has(name) && !AUTH_PARAMS.has(name))
    .map((name) => `query parameter ${name} is not documented`);
}

function bodyProblems(a: Api, o: SpecOperation, request: WireRequest): string[] {
  const documented = o.op.requestBody ? deref(a.doc, o.op.requestBody) : undefined;
  if (request.text === undefined || request.text === '') {
    return documented?.required === true ? ['the required body is missing'] : [];
  }
  if (!documented) return ['the operation takes no body'];
  if (!/^application\/json/.test(request.headers.get('content-type') ?? ''))
    return ['body is not labelled JSON'];
  let body: unknown;
  try {
    body = JSON.parse(request.text);
  } catch {
    return ['body is not JSON'];
  }
  const name = `z${o.op.operationId!.toString()[0]!.toUpperCase()}${o.op.operationId!.toString().slice(1)}Body`;
  const schema = a.schemas[name] as
    | { '~standard': { validate(v: unknown): { issues?: unknown[] } } }
    | undefined;
  if (!schema) return [];
  const result = schema['~standard'].validate(body);
  return result.issues ? [`body does not match ${name}: ${JSON.stringify(result.issues).slice(0, 300)}`] : [];
}

function headerProblems(request: WireRequest): string[] {
  const problems: string[] = [];
  for (const name of ['idempotency-key', 'x-request-id']) {
    const value = request.headers.get(name);
    if (value !== null && !HEADER_TOKEN.test(value)) problems.push(`${name} is not a clean header value`);
  }
  return problems;
}
