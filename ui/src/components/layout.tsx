// Building blocks every screen uses, so screens look alike without repeating markup.

import type { ComponentChildren } from 'preact';
import { EmptyIcon } from './icons';

/** `titleIsData`: the title is the user's (a scenario's name), shown as written in any language. */
export function PageHeader(props: { title: string; titleIsData?: boolean; subtitle?: string; actions?: ComponentChildren }) {
  return (
    <header class="page-header">
      <div>
        <h1 data-test="page-title" data-verbatim={props.titleIsData ? '' : undefined}>
          {props.title}
        </h1>
        {props.subtitle && <p class="page-subtitle">{props.subtitle}</p>}
      </div>
      {props.actions && <div class="page-actions">{props.actions}</div>}
    </header>
  );
}

export function EmptyState(props: { title: string; body: string; children?: ComponentChildren }) {
  return (
    <section class="empty-state">
      <EmptyIcon />
      <h2>{props.title}</h2>
      <p>{props.body}</p>
      {props.children}
    </section>
  );
}

export function Section(props: { title: string; children: ComponentChildren }) {
  return (
    <section class="card">
      <h2 class="card-title">{props.title}</h2>
      {props.children}
    </section>
  );
}

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
}

/** A row of mutually exclusive choices (a radio group that looks like buttons). */
export function Segmented<T extends string>(props: {
  label: string;
  value: T;
  options: SegmentOption<T>[];
  onChange: (value: T) => void;
  testPrefix: string;
}) {
  // A radio group as the ARIA pattern has it: one Tab stop (the chosen option, or the first
  // when none is), arrow keys move and choose, Home and End jump to the ends.
  const selected = props.options.findIndex((option) => option.value === props.value);
  const tabStop = selected >= 0 ? selected : 0;
  const onKeyDown = (event: KeyboardEvent) => {
    const count = props.options.length;
    const moves: Record<string, number> = {
      ArrowRight: tabStop + 1,
      ArrowDown: tabStop + 1,
      ArrowLeft: tabStop - 1 + count,
      ArrowUp: tabStop - 1 + count,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined || count === 0) return;
    event.preventDefault();
    const next = target % count;
    props.onChange(props.options[next]!.value);
    const group = event.currentTarget as HTMLElement;
    // Focus follows the choice once the group has re-rendered with the new Tab stop.
    requestAnimationFrame(() => (group.querySelectorAll<HTMLElement>('[role=radio]')[next])?.focus());
  };
  return (
    <div class="segmented" role="radiogroup" aria-label={props.label} onKeyDown={onKeyDown}>
      {props.options.map((option, i) => (
        <button
          type="button"
          role="radio"
          aria-checked={option.value === props.value}
          tabIndex={i === tabStop ? 0 : -1}
          class={option.value === props.value ? 'segment selected' : 'segment'}
          data-test={`${props.testPrefix}-${option.value}`}
          onClick={() => props.onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
