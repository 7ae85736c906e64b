// "On this page": one button per section of a long screen (the scenario view runs to many
// screens' height), at the top of the screen. The sections are read from the page itself
// after it renders, so a section that shows nothing (no budgets, no TCR) has no button.

import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export function SectionNav({ children, version }: { children: ComponentChildren; version: unknown }) {
  const stack = useRef<HTMLDivElement>(null);
  const titles = useSignal<string[]>([]);
  useEffect(() => {
    const headings = [...(stack.current?.querySelectorAll<HTMLElement>(':scope > section.card > h2.card-title') ?? [])];
    const next = headings.map((h) => h.textContent ?? '');
    if (next.join('\n') !== titles.value.join('\n')) titles.value = next;
  });
  const go = (index: number) => {
    const heading = stack.current?.querySelectorAll<HTMLElement>(':scope > section.card > h2.card-title')[index];
    if (!heading) return;
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <>
      {titles.value.length > 2 && (
        <nav class="section-nav" aria-label={t('common.onThisPage')} data-test="section-nav" data-version={String(version)}>
          {titles.value.map((title, i) => (
            <button type="button" class="section-link" onClick={() => go(i)} data-test="section-link">
              {title}
            </button>
          ))}
        </nav>
      )}
      <div class="stack" ref={stack}>
        {children}
      </div>
    </>
  );
}
