// Light, dark or follow the system. The resolved theme is the `data-theme` attribute on <html>,
// which the CSS variables in styles/tokens.css key on.

import { effect, signal } from '@preact/signals';
import { readPreference, writePreference } from './preferences';

export const THEMES = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof THEMES)[number];

export const themePreference = signal<ThemePreference>(readPreference('theme', THEMES, 'system'));

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
