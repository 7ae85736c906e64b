// index.html's static shell (the scenario list's first frame) is written in English, the
// fallback language. Before the first frame, the entry words it in the user's language: each
// element marked `data-i18n="key"` gets the key's text as its own text, and each marked
// `data-i18n-label="key"` its `aria-label`. Only the sections of the catalogue the shell uses
// are bundled with the entry. ui/tests/static-shell.test.ts checks that the result is the
// app's first frame in every language.

import { app, common, nav, scenarios } from './locales/zh-CN.json';
import { textAt } from './catalogue';
import type { Language } from './start-preferences';

const SHELL_WORDS: Partial<Record<Language, Record<string, unknown>>> = {
  'zh-CN': { app, common, nav, scenarios },
};

/** The shell's text for `key` in `lang`; undefined in English (the shell's own words). */
export function shellWord(lang: Language, key: string): string | undefined {
  return textAt(SHELL_WORDS[lang], key);
}

/** Words the shell under `root` in `lang`. */
export function wordShell(root: ParentNode, lang: Language): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const word = shellWord(lang, element.dataset.i18n ?? '');
    // The element's own text, not its children: the loading line keeps its spinner.
    const own = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
    if (word !== undefined && own) own.textContent = word;
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const word = shellWord(lang, element.dataset.i18nLabel ?? '');
    if (word !== undefined) element.setAttribute('aria-label', word);
  }
}
