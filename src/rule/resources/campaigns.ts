import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { validateArgument, validateInput, validateQuery } from '../../internal/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zCreateCampaignResponse,
  zGetCampaignResponse,
  zGetCampaignStatisticsResponse,
  zListCampaignsResponse,
  zScheduleCampaignResponse,
  zSendCampaignResponse,
} from '../generated/v2/zod.gen.js';
import {
  type CampaignRequest,
  campaignRequest,
  type ListCampaignsParams,
  listCampaignsParams,
  type ScheduleCampaignRequest,
  scheduledCampaign,
  sendableCampaign,
} from '../input/campaign.js';
import { positiveId } from '../input/common.js';
import { type NumericIds, withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { Campaign, CampaignStatistics } from '../types.js';

const listSchema = withNumericIds(zListCampaignsResponse);
const campaignSchema = withNumericIds(zGetCampaignResponse);
const createdSchema = withNumericIds(zCreateCampaignResponse);
const statisticsSchema = withNumericIds(zGetCampaignStatisticsResponse);
/** What send and schedule can read from Rule's answer: `{ success, campaign_id }`, every field optional. */
const sentAnswer = z.partial(zSendCampaignResponse);
const sentSchema = withNumericIds(sentAnswer);

/** What `campaigns.send` and `campaigns.schedule` resolve with: `campaign_id` when Rule's answer carries it. */
export type CampaignSendResult = NumericIds<z.output<typeof sentAnswer>>;

/** `campaigns/{id}` (or Rule's singular `campaign/{id}` for delete), for a positive integer id. */
function campaignPath(id: unknown, context: string, collection = 'campaigns', suffix = ''): string {
  return `${collection}/${validateArgument(positiveId, id, 'id', context)}${suffix}`;
}

/** Classic (v2) campaigns: list, create drafts, send now or later, statistics, delete. */
export class Campaigns extends RuleResource {
  /**
   * Campaigns page by page (`limit` ≤ 100; `page` starts further on), optionally filtered by type and by
   * created/sent day. Dates given as `Date` are sent as their Stockholm calendar day. `GET /campaigns`
   */
  list(params: ListCampaignsParams = {}, options?: RequestOptions): PagePromise<Campaign, RuleError> {
    return this.paginate(
      () => ({
        method: 'GET',
        path: 'campaigns',
        query: validateQuery(listCampaignsParams, params, 'campaigns.list'),
        schema: listSchema,
      }),
      (body) => body.campaigns,
      options,
    );
  }

  /**
   * Creates a draft campaign (not sent). Email `content.plain` and `content.html` are plain text; the SDK
   * base64-encodes them. `POST /campaigns`
   */
  create(request: CampaignRequest, options?: RequestOptions): APIPromise<Campaign, RuleError> {
    return this.callWith(
      () => ({
        method: 'POST',
        path: 'campaigns',
        body: validateInput(campaignRequest, request, 'campaigns.create'),
        schema: createdSchema,
      }),
      (body) => body,
      options,
    );
  }

  /** One campaign with its recipients. `GET /campaigns/{id}` */
  get(id: number, options?: RequestOptions): APIPromise<Campaign, RuleError> {
    return this.callWith(
      () => ({ method: 'GET', path: campaignPath(id, 'campaigns.get'), schema: campaignSchema }),
      (body) => body,
      options,
    );
  }

  /** Sent, open, click, bounce and unsubscribe counts (a draft reports `sent: 0`). `GET /campaigns/{id}/statistics` */
  statistics(id: number, options?: RequestOptions): APIPromise<CampaignStatistics, RuleError> {
    return this.callWith(
      () => ({
        method: 'GET',
        path: campaignPath(id, 'campaigns.statistics', 'campaigns', '/statistics'),
        schema: statisticsSchema,
      }),
      (body) => body,
      options,
    );
  }

  /**
   * Creates a campaign and sends it now. At least one tag or segment is required; email content is base64-encoded
   * for you. Not retried after a failure that may have been processed, so nothing is sent twice. Resolves with
   * `campaign_id` when Rule's answer carries it; an answer without one still means the campaign went out.
   * `POST /campaigns/send`
   */
  send(request: CampaignRequest, options?: RequestOptions): APIPromise<CampaignSendResult, RuleError> {
    return this.acknowledged(
      'campaigns.send',
      () => ({
        method: 'POST',
        path: 'campaigns/send',
        body: validateInput(sendableCampaign, request, 'campaigns.send'),
      }),
      zSendCampaignResponse,
      sentSchema,
      options,
    );
  }

  /**
   * Creates a campaign and schedules it. `send_at` is a future `Date`, sent as Rule's zone-less
   * `YYYY-MM-DD HH:MM:SS` in Stockholm time (daylight saving included), or that string itself. Otherwise as `send`.
   * `POST /campaigns/schedule`
   */
  schedule(
    request: ScheduleCampaignRequest,
    options?: RequestOptions,
  ): APIPromise<CampaignSendResult, RuleError> {
    return this.acknowledged(
      'campaigns.schedule',
      () => ({
        method: 'POST',
        path: 'campaigns/schedule',
        body: validateInput(scheduledCampaign, request, 'campaigns.schedule'),
      }),
      zScheduleCampaignResponse,
      sentSchema,
      options,
    );
  }

  /** Deletes a campaign. `DELETE /campaign/{id}` (singular, as Rule spells it) */
  delete(id: number, options?: RequestOptions): APIPromise<void, RuleError> {
    return this.done(
      'campaigns.delete',
      () => ({ method: 'DELETE', path: campaignPath(id, 'campaigns.delete', 'campaign') }),
      options,
    );
  }
}
