// Reading a message catalogue (a locale file's nested object) by a dotted key. A module of its
// own, with no translation library, so the entry (shell.ts) and i18n.ts share it.

/** The value at `key` (`nav.priceBook`) when it is a string; otherwise undefined. */
export function textAt(catalogue: unknown, key: string): string | undefined {
  let node = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
