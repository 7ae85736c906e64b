// Light, dark or follow the system. The resolved theme is the `data-theme` attribute on <html>,
// which the CSS variables in styles/tokens.css key on.

import { effect, signal } from '@preact/signals';
import { writePreference } from './preferences';
import { THEMES, startTheme, type ThemePreference } from './start-preferences';

export { THEMES, type ThemePreference };

export const themePreference = signal<ThemePreference>(startTheme());

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const systemDark = signal(darkQuery.matches);
darkQuery.addEventListener('change', (event) => {
  systemDark.value = event.matches;
});

effect(() => {
  const preference = themePreference.value;
  const resolved = preference === 'system' ? (systemDark.value ? 'dark' : 'light') : preference;
  const root = document.documentElement;
  root.dataset.theme = resolved;
  root.dataset.themePreference = preference;
});

export function setTheme(next: ThemePreference): void {
  themePreference.value = next;
  writePreference('theme', next);
}

/** The theme actually shown (`light` or `dark`), passed to Rust so charts match the window. */
export function resolvedTheme(): 'light' | 'dark' {
  const preference = themePreference.value;
  if (preference === 'system') return systemDark.value ? 'dark' : 'light';
  return preference;
}
