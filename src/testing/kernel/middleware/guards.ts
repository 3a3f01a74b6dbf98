import type { FakeDialect, Middleware } from '../fake-call.js';

export const NOT_JSON = 'The request body is not valid JSON';

/** Where an API takes its key: an `Authorization` scheme and, for some, a query parameter or a body field. */
export interface KeyPlaces {
  scheme: string;
  query?: string;
  field?: string;
}

/** Lets through a request that presents one of `keys` in one of `places`; anything else gets the API's 401. */
export const auth =
  <S>(keys: readonly string[], { scheme, query, field }: KeyPlaces, dialect: FakeDialect): Middleware<S> =>
  (call, next) => {
    const presented = [
      call.authorization?.scheme.toLowerCase() === scheme.toLowerCase()
        ? call.authorization.token
        : undefined,
      query === undefined ? undefined : call.query.get(query),
      field === undefined ? undefined : call.fields[field],
    ];
    return presented.some((key) => keys.includes(key as string)) ? next() : dialect.unauthorized();
  };

/** The API's 404 (or 405) for a path or method it does not have, this early in the chain. */
export const requireRoute =
  <S>(dialect: FakeDialect): Middleware<S> =>
  (call, next) =>
    call.route ? next() : dialect.notFound(call);

/** The API's 400 for a body that is not JSON, this early in the chain. */
export const requireBody =
  <S>(dialect: FakeDialect): Middleware<S> =>
  (call, next) =>
    call.bodyError === 'invalid' ? dialect.invalidBody(NOT_JSON) : next();

/** The API's 413 for a body over the fake's `maxBodyBytes` (read no further than that). */
export const bodyCap =
  <S>(maxBytes: number, dialect: FakeDialect): Middleware<S> =>
  (call, next) =>
    call.bodyError === 'too-large' ? dialect.tooLarge(maxBytes) : next();
