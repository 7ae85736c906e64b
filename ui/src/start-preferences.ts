// The preferences the window starts with: language and theme, the user's choice else the
// system's. A module of its own, with no translation or signals library, so that the entry
// (main.tsx) can apply them to the static shell before the first frame; i18n.ts and theme.ts
// start from the same values.

import { readPreference } from './preferences';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

function systemLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language the window starts in. */
export function startLanguage(): Language {
  return readPreference('language', LANGUAGES, systemLanguage());
}

export const THEMES = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof THEMES)[number];

/** The theme the window starts with (`system` follows the system's light or dark). */
export function startTheme(): ThemePreference {
  return readPreference('theme', THEMES, 'system');
}
