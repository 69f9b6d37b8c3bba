// Word lists are plain objects; a word of running text ("constructor", "toString") must not find what every object
// inherits. Look words up with `own`.

/** The value `record` holds for `key` itself, never an inherited one. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
