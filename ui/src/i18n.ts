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
import { readPreference, writePreference } from './preferences';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, shown untranslated so people can find theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  'zh-CN': '简体中文',
};

function systemLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const language = signal<Language>(readPreference('language', LANGUAGES, systemLanguage()));

void i18next.init({
  resources: {
    en: { translation: { ...en, ...coreEn } },
    'zh-CN': { translation: { ...zhCN, ...coreZhCN } },
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
  return i18next.t(key, { lng, ...options });
}
