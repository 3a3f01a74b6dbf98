import { type Route, v2 } from './router.js';

/**
 * #38 `GET /journey` (bare array): `name` filters by name; `preference_id` — a preference-group id, despite its
 * name — keeps journeys whose preference configuration uses a preference of that group.
 */
export const journeyRoutes: Route[] = [
  v2('GET', 'journey', (request, { state }) => {
    const name = request.query.get('name');
    const groupId = request.query.get('preference_id');
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
];
