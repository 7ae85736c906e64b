// A hash router: `#/compare` etc. Hash URLs need no server support, which suits an app served
// from bundled files. Screens register in routes.tsx; a pattern segment `:id` captures a value.

import { signal } from '@preact/signals';

function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '');
  return path.startsWith('/') ? path : '/';
}

export const path = signal(currentPath());

window.addEventListener('hashchange', () => {
  path.value = currentPath();
});

export function navigate(to: string): void {
  window.location.hash = to;
}

/** The link target for `href`, so links work with middle-click semantics and keyboard. */
export function href(to: string): string {
  return `#${to}`;
}

/** The captured `:name` segments when `pattern` matches `actual`, else `null`. */
export function matchPath(pattern: string, actual: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = actual.split('?')[0]!.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

/** The `:name` parameter of the current path under `pattern` (e.g. the scenario id). */
export function param(pattern: string, name: string): string | undefined {
  return matchPath(pattern, path.value)?.[name];
}

/** A `?name=value` parameter of the current route (`#/price-book?prefill=…`), or null. */
export function query(name: string): string | null {
  const search = path.value.split('?')[1];
  return search ? new URLSearchParams(search).get(name) : null;
}
