import { fail } from './http.js';
import { type Route, v2 } from './router.js';

/** #19, #20: e-mail templates (the list is not paginated). */
export const templateRoutes: Route[] = [
  v2('GET', 'templates', (_request, { state }) => ({
    templates: state.templates.map(({ id, name }) => ({ id, name })),
  })),
  v2('GET', 'templates/:id', (request, { state }) => {
    const template = state.templates.find((t) => String(t.id) === request.params.id);
    return template ? structuredClone(template) : fail(404, 'TemplateNotFound', 'Could not find template.');
  }),
];
