// A hash router: `#/compare` etc. Hash URLs need no server support, which suits an app served
// from bundled files. Screens register in routes.tsx.

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
