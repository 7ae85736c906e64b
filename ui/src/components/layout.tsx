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
  return (
    <div class="segmented" role="radiogroup" aria-label={props.label}>
      {props.options.map((option) => (
        <button
          type="button"
          role="radio"
          aria-checked={option.value === props.value}
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
