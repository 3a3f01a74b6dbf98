import { isObject } from '../kernel/parse-request.js';
import { invalid } from './fail.js';

export type JsonObject = Record<string, unknown>;

/** The request body as an object; a missing body is `{}` when `optional`. */
export function bodyObject(body: unknown, optional = false): JsonObject {
  if (body === undefined && optional) return {};
  if (!isObject(body)) return invalid('The request body must be a JSON object.');
  return body;
}

/** A positive safe integer (cents, page sizes), else 400. */
export function positiveInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    return invalid(`${name} must be a positive integer.`);
  }
  return value;
}

export function requiredString(object: JsonObject, name: string): string {
  const value = object[name];
  if (typeof value !== 'string' || value === '') return invalid(`${name} is required.`);
  return value;
}

export function optionalString(object: JsonObject, name: string): string | null {
  const value = object[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return invalid(`${name} must be a string.`);
  return value;
}

/** A required query parameter (`rule_id`, `account_id`). */
export function requiredQuery(query: URLSearchParams, name: string): string {
  return query.get(name) || invalid(`The ${name} query parameter is required.`);
}

/** An optional enum query parameter: its value, or undefined; anything outside `allowed` is a 400. */
export function queryEnum(
  query: URLSearchParams,
  name: string,
  allowed: readonly string[],
): string | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (!allowed.includes(value)) invalid(`${name} must be one of ${allowed.join(', ')}.`);
  return value;
}
