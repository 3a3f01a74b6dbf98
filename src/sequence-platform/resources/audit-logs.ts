import type * as z from 'zod/mini';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { SequencePlatformError } from '../errors.js';
import { zListAuditLogQuery, zListAuditLogResponse } from '../generated/v1/zod.gen.js';
import { exactWithTimes, queryOf } from '../input.js';
import { needsPermission } from '../permissions.js';
import { PlatformResource } from '../resource.js';
import type { AuditLogEntry } from '../types.js';

const listSchema = exactWithTimes(zListAuditLogQuery);

/**
 * `auditLogs.list` filters: `apiKeyId`, `action`, `from`/`to` (a `Date` or RFC 3339; within the last 90 days),
 * `page`, `pageSize` (≤ 100).
 */
export type ListAuditLogsParams = z.input<typeof listSchema>;

/** What the organization's API keys did, for the last 90 days (`/audit-logs`). */
export class AuditLogs extends PlatformResource {
  /** Audit log entries of API key calls, newest first, page by page. `GET /audit-logs` */
  list(
    params: ListAuditLogsParams = {},
    options?: RequestOptions,
  ): PagePromise<AuditLogEntry, SequencePlatformError> {
    return this.paginate<AuditLogEntry>(
      () => ({
        method: 'GET',
        path: 'audit-logs',
        query: queryOf(listSchema, params, 'audit log filters'),
        schema: zListAuditLogResponse,
        hints: needsPermission('READ_AUDIT_LOGS', 'for the organization'),
      }),
      options,
    );
  }
}
