/** `[major, minor, patch]` of `v22.18.0`, `22.18` or `22`. */
export function parseVersion(text: string): [number, number, number];
/** Whether `version` meets `range` (`>=X.Y.Z` or `^X.Y.Z` alternatives joined by `||`). */
export function satisfies(version: string, range: string): boolean;
/** The one line to print when `version` does not meet `range`; `undefined` when it does. */
export function nodeVersionProblem(version: string, range: string, executable?: string): string | undefined;
