// Translations. Every visible string goes through `t`, which reads the `language` signal so a
// component re-renders when the language changes.

import i18next from 'i18next';
import { signal } from '@preact/signals';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
// The pricing core's messages and report words: one catalogue per language, shared with the
// command line (see messages.ts).
import coreEn from '../../src-tauri/crates/pricing/messages/en.json';
import coreZhCN from '../../src-tauri/crates/pricing/messages/zh-CN.json';
import { textAt } from './catalogue';
import { writePreference } from './preferences';
import { LANGUAGES, startLanguage, type Language } from './start-preferences';

export { LANGUAGES, type Language };

/** Each language's own name, shown untranslated so people can find theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  'zh-CN': '简体中文',
};

export const language = signal<Language>(startLanguage());

const CATALOGUES: Record<Language, Record<string, unknown>> = {
  en: { ...en, ...coreEn },
  'zh-CN': { ...zhCN, ...coreZhCN },
};

void i18next.init({
  resources: {
    en: { translation: CATALOGUES.en },
    'zh-CN': { translation: CATALOGUES['zh-CN'] },
  },
  lng: language.value,
  fallbackLng: 'en',
  initAsync: false, // Resources are bundled, so initialise synchronously.
  interpolation: { escapeValue: false }, // Preact escapes text itself.
});
document.documentElement.lang = language.value;

export function setLanguage(next: Language): void {
  language.value = next;
  writePreference('language', next);
  void i18next.changeLanguage(next);
  document.documentElement.lang = next;
}

export function t(key: string, options?: Record<string, string | number>): string {
  // Reading the signal subscribes the calling component to language changes.
  const lng = language.value;
  if (!options) {
    const text = plainText(lng, key);
    if (text !== undefined) return text;
  }
  return i18next.t(key, { lng, ...options });
}

/**
 * The text of `key` in `lng` when it is a plain string (no interpolation, no nesting), read
 * straight from the catalogue; otherwise undefined, and i18next words it. The same text as
 * i18next gives (ui/tests/locales.test.ts checks every key): most of the screen's words are
 * plain, and the first frame draws about fifty of them, where i18next's full path took about
 * a third of the first render.
 */
export function plainText(lng: Language, key: string): string | undefined {
  const text = textAt(CATALOGUES[lng], key);
  return text !== undefined && !text.includes('{{') && !text.includes('$t(') ? text : undefined;
}
