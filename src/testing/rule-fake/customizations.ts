import { fail, type RuleCall, SUCCESS, v2 } from './call.js';
import { withId, withName } from './lookups.js';
import { listing } from './pagination.js';
import type { FakeFieldGroup } from './state.js';
import { ensureField, isFieldType, isReservedFieldName, splitFieldKey } from './subscriber-input.js';

const groupWire = (group: FakeFieldGroup) => ({ ...group, fields: group.fields.map((f) => ({ ...f })) });

/** #22: `{fields: [{key: "Group.Field", type?}]}`; all are checked before any is created. */
function create({ fields: { fields }, state, now }: RuleCall) {
  if (!Array.isArray(fields) || fields.length === 0)
    fail(400, 'BadRequest', 'Fields missing or in wrong format.');
  const planned = fields.map((raw) => {
    const { key, type = 'text' } = (raw ?? {}) as { key?: unknown; type?: unknown };
    if (typeof key !== 'string') return fail(400, 'BadRequest', 'Fields missing or in wrong format.');
    const parts = splitFieldKey(key) ?? fail(400, 'BadRequest', `Key: ${key} is formatted incorrectly`);
    if (isReservedFieldName(parts.field)) {
      fail(400, 'ReservedKeyword', `Field name: ${parts.field} is a reserved keyword.`);
    }
    if (!isFieldType(type)) fail(400, 'BadRequest', `Field type ${String(type)} is not allowed`);
    return { ...parts, type };
  });
  for (const { group, field, type } of planned) ensureField(state, group, field, type, now);
  return SUCCESS;
}

export const customizationRoutes = [
  v2('POST', 'customizations', create),
  v2('GET', 'customizations', listing('groups', 'fieldGroups', groupWire)),
  v2('GET', 'customizations/:identifier', ({ params, state }) => {
    const { identifier } = params;
    const group = withId(state.fieldGroups, identifier!) ?? withName(state.fieldGroups, identifier!);
    return group ? groupWire(group) : fail(404, 'NotFound', 'Could not find group.');
  }),
];
