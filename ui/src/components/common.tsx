// Small pieces several screens share: loading text, a confirm dialog, field errors, the
// Rust-drawn chart and status badges.

import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { language, t } from '../i18n';
import type { PriceItem } from '../api';

export function Loading({ label }: { label?: string }) {
  return (
    <p class="loading muted" role="status" data-test="loading">
      <span class="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** A modal question with a destructive confirm button. Escape cancels. */
export function ConfirmDialog(props: {
  title: string;
  body: string;
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') props.onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div class="modal-backdrop" data-test="confirm-dialog">
      <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title">
        <h2 id="confirm-title">{props.title}</h2>
        <p>{props.body}</p>
        <div class="modal-actions">
          <button type="button" class="button secondary" ref={cancelRef} onClick={props.onCancel} data-test="confirm-cancel">
            {t('common.cancel')}
          </button>
          <button type="button" class="button danger" onClick={props.onConfirm} data-test="confirm-ok">
            {props.confirm}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The error under an input; `path` is the document path it belongs to (`tcss.cores`). */
export function FieldMessage({ path, message }: { path: string; message?: string }) {
  if (!message) return null;
  return (
    <p class="field-error" role="alert" data-test="field-error" data-path={path}>
      {message}
    </p>
  );
}

/**
 * A chart drawn by Rust. The markup is generated (and its text escaped) by the report crate,
 * never built from user input here, so inserting it as HTML is safe. `names` are the user's
 * names the chart shows (scenarios, budgets): their texts are marked `data-verbatim`, as
 * written in any language, like the same names elsewhere on the page.
 */
export function Chart({ svg, label, names = [] }: { svg: string | null | undefined; label: string; names?: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const given = names.filter((name) => name !== '');
  useLayoutEffect(() => {
    for (const text of ref.current?.querySelectorAll('text') ?? []) {
      // A legend entry is the name itself (a scenario) or "<what>: <name>" (a budget).
      const entry = (text.textContent ?? '').trim();
      if (given.some((name) => entry === name || entry.endsWith(`: ${name}`))) text.setAttribute('data-verbatim', '');
    }
  }, [svg, given.join('\n')]);
  if (!svg) return <p class="muted">{t('common.noChart')}</p>;
  return <div class="chart" role="img" aria-label={label} data-test="chart" ref={ref} dangerouslySetInnerHTML={{ __html: svg }} />;
}

export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span class="muted">—</span>;
  return (
    <span class={`status status-${status}`} data-test="status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function CompleteBadge({ complete }: { complete: boolean }) {
  return (
    <span class={complete ? 'badge badge-ok' : 'badge badge-warning'} data-test="complete-badge" data-complete={String(complete)}>
      {complete ? t('common.complete') : t('common.incomplete')}
    </span>
  );
}

export function Toolbar({ children }: { children: ComponentChildren }) {
  return <div class="toolbar">{children}</div>;
}

/** Today as `YYYY-MM-DD` in local time. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A product key (`tcr`) as its translated name. */
export function productName(product: string | null | undefined): string {
  return product ? t(`report.chart.products.${product}`) : t('common.wholeScenario');
}

/** A price-book item by name (`cos_storage` → "Storage (COS)"); one without a name as its key. */
export function priceItemName(item: PriceItem): string {
  return t(`report.price_items.${item}`, { defaultValue: item });
}

/** A unit of the price book (`hour`, `GB-month`) in the UI's language; an unknown one as it is. */
export function unitName(unit: string): string {
  return t(`units.${unit}`, { defaultValue: unit });
}

/** The price-book source of the user's own prices (`pricing::book::USER_SOURCE`). */
export const USER_SOURCE = 'user';

/** A source's title for a tooltip: a user price is "Your price" in the UI's language. */
export function sourceTitle(source: string | null, title: string | null): string {
  return source === USER_SOURCE ? t('priceBook.yours') : (title ?? '');
}

/**
 * An Image Search package for reading: its key (`"2500000/5"`: images, then QPS) as
 * "2.5 M images · 5 QPS", or "250万张图片 · 5 QPS" in Chinese. Anything else is shown as is.
 */
export function packageName(key: string): string {
  const match = /^(\d+)\/(\d+)$/.exec(key);
  if (!match) return key;
  const images = Number(match[1]);
  const qps = match[2]!;
  return t('packages.name', { images: compactCount(images), qps });
}

/** A count in the UI language's own large units: "2.5 M" / "100,000"; "250万" / "10万". */
function compactCount(n: number): string {
  const trim = (x: number) => String(Math.round(x * 100) / 100);
  if (language.value === 'zh-CN') {
    if (n >= 100_000_000) return `${trim(n / 100_000_000)}亿`;
    if (n >= 10_000) return `${trim(n / 10_000)}万`;
    return String(n);
  }
  if (n >= 1_000_000_000) return `${trim(n / 1_000_000_000)} B`;
  if (n >= 1_000_000) return `${trim(n / 1_000_000)} M`;
  return n.toLocaleString('en-US');
}

