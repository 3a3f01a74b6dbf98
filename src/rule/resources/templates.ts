import type { APIPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { validateArgument } from '../../internal/validate-input.js';
import type { RuleError } from '../errors.js';
import { zGetTemplateResponse, zListTemplatesResponse } from '../generated/v2/zod.gen.js';
import { idLike } from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { Template, TemplateSummary } from '../types.js';

const listSchema = withNumericIds(zListTemplatesResponse);
const templateSchema = withNumericIds(zGetTemplateResponse);

/** E-mail templates (`/templates`). */
export class Templates extends RuleResource {
  /** Every e-mail template, as `{ id, name }` (Rule does not paginate this listing). `GET /templates` */
  list(options?: RequestOptions): APIPromise<TemplateSummary[], RuleError> {
    return this.callWith(
      () => ({ method: 'GET', path: 'templates', schema: listSchema }),
      (body) => body.templates,
      options,
    );
  }

  /** One template with the block ids it supports and its content. `GET /templates/{id}` */
  get(id: number, options?: RequestOptions): APIPromise<Template, RuleError> {
    return this.callWith(
      () => ({
        method: 'GET',
        path: `templates/${validateArgument(idLike, id, 'id', 'templates.get')}`,
        schema: templateSchema,
      }),
      (body) => body,
      options,
    );
  }
}
