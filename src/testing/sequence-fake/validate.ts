import { inputReaders } from '../kernel/input.js';
import { invalid } from './fail.js';

export const {
  bodyObject,
  positiveInteger,
  requiredString,
  optionalString,
  requiredQuery,
  queryEnum,
  queryInteger,
} = inputReaders(invalid);
