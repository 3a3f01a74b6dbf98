import type { ClientOptions } from '../core/client-options.js';
import { ConfigurationError } from '../core/errors/configuration-error.js';
import { BaseClient } from '../internal/base-client.js';
import { chooseBaseUrl, createTransport } from '../internal/create-transport.js';
import type { RuleError } from './errors.js';
import { RULE_V2_BASE_URL, type RuleAuthMode, ruleProfile } from './profile.js';
import type { RuleContext } from './resource.js';
import { Account } from './resources/account.js';
import { Campaigns } from './resources/campaigns.js';
import { Fields } from './resources/fields.js';
import { Journeys } from './resources/journeys.js';
import { Preferences } from './resources/preferences.js';
import { Segments } from './resources/segments.js';
import { Subscribers } from './resources/subscribers.js';
import { Suppressions } from './resources/suppressions.js';
import { Tags } from './resources/tags.js';
import { Templates } from './resources/templates.js';
import { Transactions } from './resources/transactions.js';

export interface RuleClientOptions extends ClientOptions {
  /** Where the key travels: `'header'` (`Authorization: Bearer`, default), `'query'` (`?apikey=`) or `'body'`. */
  auth?: RuleAuthMode | undefined;
}

/** Rule's v3 API lives beside v2: `…/api/v2` → `…/api/v3`. `source` names the option or variable it came from. */
function v3BaseUrl(v2: string, source: string): string {
  const url = new URL(v2);
  if (!/\/v2\/?$/.test(url.pathname)) {
    throw new ConfigurationError(
      `${source} must end in /v2 (Rule's v3 endpoints are found beside it): ${url.origin}${url.pathname}`,
    );
  }
  url.pathname = url.pathname.replace(/\/v2\/?$/, '/v3');
  return url.href;
}

/**
 * Rule.io REST API v2 client (plus the v3 endpoints that replace closed v2 ones).
 *
 * @example
 * const rule = new RuleClient({ apiKey: process.env.RULE_API_KEY });
 * for await (const s of rule.subscribers.list({ limit: 100 })) console.log(s.email);
 */
export class RuleClient extends BaseClient<RuleError> {
  readonly subscribers: Subscribers;
  readonly tags: Tags;
  readonly transactions: Transactions;
  readonly templates: Templates;
  readonly segments: Segments;
  /** Custom field groups and fields (`/customizations`). */
  readonly fields: Fields;
  readonly suppressions: Suppressions;
  readonly campaigns: Campaigns;
  readonly preferences: Preferences;
  readonly journeys: Journeys;
  readonly account: Account;

  constructor(options: RuleClientOptions = {}) {
    const auth = options.auth ?? 'header';
    if (!['header', 'query', 'body'].includes(auth)) {
      throw new ConfigurationError(`auth must be 'header', 'query' or 'body', got ${JSON.stringify(auth)}`);
    }
    const profile = ruleProfile(auth, RULE_V2_BASE_URL);
    // The baseUrl option, else RULE_BASE_URL, else production; the v3 URL follows the v2 one.
    const v2 = createTransport(options, profile);
    const { url, source } = chooseBaseUrl(options, profile);
    const v3 = createTransport({ ...options, baseUrl: v3BaseUrl(url, source) }, profile);
    super(v2);
    const ctx: RuleContext = { v2, v3, credentialParams: ['apikey'] };
    this.subscribers = new Subscribers(ctx);
    this.tags = new Tags(ctx);
    this.transactions = new Transactions(ctx);
    this.templates = new Templates(ctx);
    this.segments = new Segments(ctx);
    this.fields = new Fields(ctx);
    this.suppressions = new Suppressions(ctx);
    this.campaigns = new Campaigns(ctx);
    this.preferences = new Preferences(ctx);
    this.journeys = new Journeys(ctx);
    this.account = new Account(ctx);
  }
}
