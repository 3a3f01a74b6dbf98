import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { pathSegment } from '../../internal/path-segment.js';
import { withElement } from '../../internal/refine-field.js';
import { validateArgument } from '../../internal/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zCreateCustomizationsRequest,
  zGetCustomizationResponse,
  zListCustomizationsQuery,
  zListCustomizationsResponse,
} from '../generated/v2/zod.gen.js';
import { positiveId } from '../input/common.js';
import { newField } from '../input/field-values.js';
import { withNumericIds } from '../numeric-ids.js';
import { listing, RuleResource } from '../resource.js';
import type { FieldGroup } from '../types.js';

const listSchema = withNumericIds(zListCustomizationsResponse);
const list = listing({
  name: 'fields.list',
  path: 'customizations',
  query: zListCustomizationsQuery,
  schema: listSchema,
  items: (body) => body.groups,
});
const groupSchema = withNumericIds(zGetCustomizationResponse);

/** The generated `fields` list, with each key checked as subscriber field keys are. */
const newFields = withElement(zCreateCustomizationsRequest.shape.fields, newField);

const groupSelector = z.union([positiveId, z.string().check(z.minLength(1, 'cannot be empty'))]);

/** A field to create: `key` is `Group.Field`; `type` defaults to `text` on Rule's side. */
export type NewField = z.input<typeof newField>;
export type ListFieldGroupsParams = z.input<typeof zListCustomizationsQuery>;

/** Custom field groups and their fields (Rule's `/customizations`). */
export class Fields extends RuleResource {
  /**
   * Creates fields, and their groups when missing. Keys are checked as subscriber field keys are (`Group.Field`,
   * no `[ ] / \ | @ ^ ~` or backtick, field not named `email` or `phone_number`). `POST /customizations`
   */
  createGroups(fields: readonly NewField[], options?: RequestOptions): APIPromise<void, RuleError> {
    return this.done(
      'fields.createGroups',
      () => ({
        method: 'POST',
        path: 'customizations',
        body: { fields: validateArgument(newFields, fields, 'fields', 'fields.createGroups') },
      }),
      options,
    );
  }

  /** Every field group with its fields, page by page (`limit` ≤ 100); `page` starts further on. `GET /customizations` */
  list(params: ListFieldGroupsParams = {}, options?: RequestOptions): PagePromise<FieldGroup, RuleError> {
    return this.pages(list, params, options);
  }

  /**
   * One field group with its fields, by id (number) or name (string, URL-encoded by the SDK). Rule tells the two
   * apart itself, so it reads an all-digit name as an id. `GET /customizations/{identifier}`
   */
  get(group: number | string, options?: RequestOptions): APIPromise<FieldGroup, RuleError> {
    return this.callWith(
      () => {
        const identifier = validateArgument(groupSelector, group, 'group', 'fields.get');
        return {
          method: 'GET',
          path: `customizations/${pathSegment(identifier, 'field group')}`,
          schema: groupSchema,
        };
      },
      (body) => body,
      options,
    );
  }
}
