import { fail, v2 } from './call.js';
import { listing } from './pagination.js';
import { segmentWire } from './wire.js';

/** What the account shows and the API does not change: sender, journeys, segments, templates. */
export const accountRoutes = [
  /** #39 */
  v2('GET', 'sender/details', ({ state }) => ({ ...state.sender })),
  /**
   * #38 `GET /journey` (bare array): `name` filters by name; `preference_id` — a preference-group id, despite its
   * name — keeps journeys whose preference configuration uses a preference of that group.
   */
  v2('GET', 'journey', ({ state, query }) => {
    const name = query.get('name');
    const groupId = query.get('preference_id');
    const group = state.preferenceGroups.find((g) => String(g.id) === groupId);
    return structuredClone(
      state.journeys.filter((journey) => {
        const used = journey.sendoutConfiguration?.preferenceConfiguration?.preferences ?? [];
        return (
          (name === null || journey.name === name) &&
          (groupId === null || used.some((id) => group?.preferences.some((p) => p.id === id)))
        );
      }),
    );
  }),
  /** #21: "sync at" segments, paginated. */
  v2('GET', 'segments', listing('segments', 'segments', segmentWire)),
  /** #19, #20: e-mail templates (the list is not paginated). */
  v2('GET', 'templates', ({ state }) => ({
    templates: state.templates.map(({ id, name }) => ({ id, name })),
  })),
  v2('GET', 'templates/:id', ({ state, params }) => {
    const template = state.templates.find((t) => String(t.id) === params.id);
    return template ? structuredClone(template) : fail(404, 'TemplateNotFound', 'Could not find template.');
  }),
];
