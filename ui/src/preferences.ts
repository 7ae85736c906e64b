// User preferences that only the UI needs (theme, language).
//
// They live in localStorage for now; when the store grows a settings table this module is the
// one place to change. Reads never throw: a missing or unknown value falls back to the default.

const PREFIX = 'plancast.';

export function readPreference<T extends string>(
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  try {
    const value = window.localStorage.getItem(PREFIX + key);
    return allowed.find((candidate) => candidate === value) ?? fallback;
  } catch {
    return fallback;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // Storage can be unavailable (private mode, full disk); the choice then lasts one session.
  }
}
