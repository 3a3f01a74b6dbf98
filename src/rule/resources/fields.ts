import * as z from 'zod/mini';
import type { APIPromise, PagePromise, RequestOptions } from '../../core/index.js';
import { pathSegment } from '../../core/path-segment.js';
import { validateInput } from '../../core/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zCreateCustomizationsResponse,
  zGetCustomizationResponse,
  zListCustomizationsResponse,
} from '../generated/v2/zod.gen.js';
import { type FieldType, fieldKeySchema, fieldValueSchema } from '../input/field-values.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { FieldGroup } from '../types.js';

const listSchema = withNumericIds(zListCustomizationsResponse);
const groupSchema = withNumericIds(zGetCustomizationResponse);

/** Keys follow the rules of subscriber field keys: `Group.Field`, one dot, no reserved characters or names. */
const newFieldsSchema = z
  .array(z.strictObject({ key: fieldKeySchema, type: fieldValueSchema.shape.type }))
  .check(z.minLength(1, 'name at least one field'));

const groupSelectorSchema = z.union([
  z.int().check(z.positive('a group id is a positive integer')),
  z.string().check(z.minLength(1, 'a group name cannot be empty')),
]);

/** A field to create: `key` is `Group.Field`; `type` defaults to `text` on Rule's side. */
export interface NewField {
  key: string;
  type?: FieldType;
}

/** Custom field groups and their fields (Rule's `/customizations`). */
export class Fields extends RuleResource {
  /**
   * Creates fields, and their groups when missing. Keys are checked as subscriber field keys are (`Group.Field`,
   * no `[ ] / \ | @ ^ ~` or backtick, field not named `email` or `phone_number`). `POST /customizations`
   */
  createGroups(fields: NewField[], options?: RequestOptions): APIPromise<void, RuleError> {
    return this.call(
      () => ({
        method: 'POST',
        path: 'customizations',
        body: { fields: validateInput(newFieldsSchema, fields, 'fields') },
        schema: zCreateCustomizationsResponse,
      }),
      () => undefined,
      options,
    );
  }

  /** Every field group with its fields, page by page (`limit` ≤ 100 per page). `GET /customizations` */
  list(params: { limit?: number } = {}, options?: RequestOptions): PagePromise<FieldGroup, RuleError> {
    return this.pages('customizations', listSchema, (body) => body.groups, params, options);
  }

  /**
   * One field group with its fields, by id (number) or name (string, URL-encoded by the SDK). Rule tells the two
   * apart itself, so it reads an all-digit name as an id. `GET /customizations/{identifier}`
   */
  get(group: number | string, options?: RequestOptions): APIPromise<FieldGroup, RuleError> {
    return this.call(
      () => {
        const identifier = validateInput(groupSelectorSchema, group, 'field group');
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
