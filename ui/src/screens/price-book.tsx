// The price book in force on a date, with sources, and the user's own prices (add, edit,
// remove) validated by Rust field by field.

import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import {
  api,
  CommandError,
  CURRENCIES,
  PRODUCTS,
  SITES,
  USER_PRICE_ITEMS,
  type Currency,
  type PriceItem,
  type PriceRow,
  type PriceUpdatePreview,
  type PriceUpdateRow,
  type Product,
  type Site,
  type UserPriceInput,
} from '../api';
import { language, t } from '../i18n';
import { query } from '../router';
import { displayMoney, formatDecimal } from '../format';
import { readTypedDate, typedOrAsIs } from '../numbers';
import { DateInput } from '../components/date-input';
import { EmptyState, PageHeader, Section } from '../components/layout';
import { ErrorNotice } from '../components/error-notice';
import { ConfirmDialog, FieldMessage, Loading, priceItemName, productName, today, unitName } from '../components/common';
import { isUserText, renderMessage } from '../messages';
import { savingBlocked } from '../database';
import { fieldProblem } from '../wizard/fields';

function blankPrice(): UserPriceInput {
  return {
    product: 'tcr',
    site: 'tencent-intl',
    item: null,
    plan: null,
    region: null,
    unit: '',
    amount: '',
    currency: 'USD',
    effective_from: today(),
    effective_to: null,
    note: null,
  };
}

export function PriceBookScreen() {
  const date = useSignal(today());
  const product = useSignal<Product | ''>('');
  const site = useSignal<Site | ''>('');
  const rows = useSignal<PriceRow[] | null>(null);
  const error = useSignal<CommandError | null>(null);
  const editing = useSignal<{ id: number | null; price: UserPriceInput } | null>(null);
  const formError = useSignal<CommandError | null>(null);
  const removing = useSignal<PriceRow | null>(null);
  const removingUpdate = useSignal<PriceUpdateRow | null>(null);
  // A price-book update the user chose: its preview (what it changes), the problems of a file
  // that was refused, and the update just loaded.
  const update = useSignal<PriceUpdatePreview | null>(null);
  const updateError = useSignal<CommandError | null>(null);
  const loadedUpdate = useSignal<string | null>(null);
  const updates = useSignal<PriceUpdateRow[]>([]);
  const loadUpdates = () =>
    api.listPriceUpdates().then(
      (list) => (updates.value = list),
      (failure: CommandError) => (error.value = failure),
    );
  useEffect(() => void loadUpdates(), []);
  // Opened from a scenario's missing price ("Enter the quote you received"): the form starts
  // filled with what the scenario needs priced.
  useEffect(() => {
    const prefill = query('prefill');
    if (!prefill) return;
    try {
      const given = JSON.parse(prefill) as Partial<UserPriceInput>;
      editing.value = { id: null, price: { ...blankPrice(), ...given } };
      if (given.product) product.value = given.product;
    } catch {
      // A hand-edited address: open the book as usual.
    }
  }, []);

  const load = () => {
    rows.value = null;
    api.listPrices(date.value, product.value || null, site.value || null).then(
      (value) => {
        rows.value = value;
        error.value = null;
      },
      (failure: CommandError) => {
        error.value = failure;
        rows.value = [];
      },
    );
  };
  useEffect(load, [date.value, product.value, site.value]);

  const submit = async () => {
    const form = editing.value;
    if (!form) return;
    formError.value = null;
    const price: UserPriceInput = {
      ...form.price,
      amount: typedOrAsIs(form.price.amount),
      plan: form.price.plan?.trim() || null,
      region: form.price.region?.trim() || null,
      note: form.price.note?.trim() || null,
      effective_to: form.price.effective_to?.trim() || null,
      effective_from: form.price.effective_from?.trim() || null,
    };
    try {
      if (form.id === null) await api.addUserPrice(price);
      else await api.updateUserPrice(form.id, price);
      editing.value = null;
      load();
    } catch (failure) {
      formError.value = failure as CommandError;
    }
  };

  const chooseUpdate = async () => {
    updateError.value = null;
    loadedUpdate.value = null;
    try {
      const preview = await api.openPriceUpdate(language.value);
      if (preview) update.value = preview;
    } catch (failure) {
      update.value = null;
      updateError.value = failure as CommandError;
    }
  };
  const confirmUpdate = async () => {
    const preview = update.value;
    if (!preview) return;
    try {
      const loaded = await api.confirmPriceUpdate(preview.token);
      update.value = null;
      loadedUpdate.value = loaded.name;
      void loadUpdates();
      // Show the book from the day the update's first price starts, when that is later.
      const first = preview.entries.map((e) => e.effective_from ?? '').filter(Boolean).sort()[0];
      if (first && first > date.value) date.value = first;
      else load();
    } catch (failure) {
      updateError.value = failure as CommandError;
    }
  };

  const set = <K extends keyof UserPriceInput>(key: K, value: UserPriceInput[K]) => {
    if (editing.value) editing.value = { ...editing.value, price: { ...editing.value.price, [key]: value } };
  };
  // The items a user price may set, per product, with their default units (from the bindings).
  const itemsOf = (product: Product) => USER_PRICE_ITEMS.filter((i) => i.product === product);
  const setProduct = (value: Product) => {
    const form = editing.value;
    if (!form) return;
    const keep = itemsOf(value).some((i) => i.item === form.price.item);
    editing.value = { ...form, price: { ...form.price, product: value, item: keep ? form.price.item : null, unit: keep ? form.price.unit : '' } };
  };
  const setItem = (value: PriceItem | null) => {
    const form = editing.value;
    if (!form) return;
    const unit = itemsOf(form.price.product).find((i) => i.item === value)?.unit ?? '';
    editing.value = { ...form, price: { ...form.price, item: value, unit } };
  };
  const fe = (key: string) => formError.value?.fieldMessage(key) ?? formError.value?.fieldMessage(`price.${key}`);

  const edit = editing.value;
  return (
    <>
      <PageHeader
        title={t('priceBook.title')}
        subtitle={t('priceBook.subtitle')}
        actions={
          <>
            <button type="button" class="button secondary" onClick={() => void chooseUpdate()} {...savingBlocked()} data-test="load-update">
              {t('priceBook.update.load')}
            </button>
            <button type="button" class="button" onClick={() => (editing.value = { id: null, price: blankPrice() })} {...savingBlocked()} data-test="add-price">
              {t('priceBook.add')}
            </button>
          </>
        }
      />
      {error.value && <ErrorNotice error={error.value} />}
      {loadedUpdate.value && (
        <div class="notice notice-info" role="status" data-test="update-loaded">
          {t('priceBook.update.loaded', { name: loadedUpdate.value })}
        </div>
      )}
      <div class="stack">
        {updateError.value && (
          <div class="notice notice-error" role="alert" data-test="update-problems" data-code={updateError.value.code}>
            <strong>{t('priceBook.update.refused')}</strong>
            {updateError.value.fields.length > 0 ? (
              <ul class="problem-list">
                {updateError.value.fields.map((f) => (
                  <li data-test="update-problem">
                    {f.path && <code data-verbatim>{f.path}</code>}
                    {f.path && ': '}
                    {fieldProblem(f)}
                  </li>
                ))}
              </ul>
            ) : (
              <span class="muted">{t('errors.details', { message: updateError.value.message })}</span>
            )}
          </div>
        )}
        {update.value && <UpdatePreview preview={update.value} onConfirm={() => void confirmUpdate()} onCancel={() => (update.value = null)} />}
        {edit && (
          <Section title={edit.id === null ? t('priceBook.addTitle') : t('priceBook.editTitle')}>
            <form
              class="form-grid"
              data-test="price-form"
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              {formError.value && !formError.value.field && <div class="form-wide"><ErrorNotice error={formError.value} /></div>}
              <PriceField label={t('priceBook.product')} path="product" error={fe('product')}>
                <select class="input" value={edit.price.product} onChange={(e) => setProduct((e.target as HTMLSelectElement).value as Product)} data-test="price-product">
                  {PRODUCTS.map((p) => <option value={p}>{productName(p)}</option>)}
                </select>
              </PriceField>
              <PriceField label={t('priceBook.site')} path="site" error={fe('site')}>
                <select class="input" value={edit.price.site} onChange={(e) => set('site', (e.target as HTMLSelectElement).value as Site)} data-test="price-site">
                  {SITES.map((s) => <option value={s}>{t(`sites.${s}`, { defaultValue: s })}</option>)}
                </select>
              </PriceField>
              <PriceField label={t('priceBook.item')} path="item" error={fe('item')}>
                <select class="input" value={edit.price.item ?? ''} onChange={(e) => setItem(((e.target as HTMLSelectElement).value || null) as PriceItem | null)} data-test="price-item">
                  <option value="">{t('priceBook.itemChoose')}</option>
                  {itemsOf(edit.price.product).map((i) => (
                    <option value={i.item}>{priceItemName(i.item)}</option>
                  ))}
                </select>
              </PriceField>
              {(['plan', 'region', 'unit', 'amount'] as const).map((key) => (
                <PriceField label={t(`priceBook.${key}`)} path={key} error={fe(key)}>
                  <input class={key === 'amount' ? 'input num-input' : 'input'} value={edit.price[key] ?? ''} onInput={(e) => set(key, (e.target as HTMLInputElement).value)} data-test={`price-${key}`} />
                </PriceField>
              ))}
              <PriceField label={t('priceBook.currency')} path="currency" error={fe('currency')}>
                <select class="input" value={edit.price.currency} onChange={(e) => set('currency', (e.target as HTMLSelectElement).value as Currency)} data-test="price-currency">
                  {CURRENCIES.map((c) => <option value={c}>{c}</option>)}
                </select>
              </PriceField>
              <PriceField label={t('priceBook.from')} path="effective_from" error={fe('effective_from')}>
                <DateInput value={edit.price.effective_from ?? ''} onChange={(v) => set('effective_from', v)} test="price-from" />
              </PriceField>
              <PriceField label={t('priceBook.to')} path="effective_to" error={fe('effective_to')}>
                <DateInput value={edit.price.effective_to ?? ''} onChange={(v) => set('effective_to', v)} test="price-to" />
              </PriceField>
              <div class="form-wide">
                <PriceField label={t('priceBook.note')} path="note" error={fe('note')}>
                  <input class="input" value={edit.price.note ?? ''} onInput={(e) => set('note', (e.target as HTMLInputElement).value)} data-test="price-note" />
                </PriceField>
              </div>
              <div class="form-wide button-row">
                <button type="submit" class="button" {...savingBlocked()} data-test="price-save">{t('common.save')}</button>
                <button type="button" class="button secondary" onClick={() => { editing.value = null; formError.value = null; }}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          </Section>
        )}
        <section class="card">
          <div class="toolbar">
            <label class="inline-label">
              {t('priceBook.date')}
              <DateInput value={date.value} onChange={(v) => (date.value = readTypedDate(v) ?? (v === '' ? today() : date.value))} test="price-date" />
            </label>
            <label class="inline-label">
              {t('priceBook.product')}
              <select class="input" value={product.value} onChange={(e) => (product.value = (e.target as HTMLSelectElement).value as Product | '')} data-test="filter-product">
                <option value="">{t('priceBook.all')}</option>
                {PRODUCTS.map((p) => <option value={p}>{productName(p)}</option>)}
              </select>
            </label>
            <label class="inline-label">
              {t('priceBook.site')}
              <select class="input" value={site.value} onChange={(e) => (site.value = (e.target as HTMLSelectElement).value as Site | '')} data-test="filter-site">
                <option value="">{t('priceBook.all')}</option>
                {SITES.map((s) => <option value={s}>{t(`sites.${s}`, { defaultValue: s })}</option>)}
              </select>
            </label>
            {rows.value && <span class="muted">{t('priceBook.count', { count: rows.value.length })}</span>}
          </div>
          {updates.value.length > 0 && (
            <div class="loaded-updates" data-test="loaded-updates">
              <span class="muted small">{t('priceBook.update.inUse')}</span>
              <ul class="plain-list">
                {updates.value.map((u) => (
                  <li class="small" data-test="loaded-update" data-name={u.name}>
                    <span data-verbatim>{u.name}</span> <span class="muted">({u.imported_at.slice(0, 10)})</span>{' '}
                    <button type="button" class="link-button danger" onClick={() => (removingUpdate.value = u)} {...savingBlocked()} data-test="remove-update">
                      {t('common.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {rows.value === null && <Loading />}
          {rows.value?.length === 0 && !error.value && <EmptyState title={t('priceBook.emptyTitle')} body={t('priceBook.emptyBody')} />}
          {rows.value && rows.value.length > 0 && (
            <div class="table-scroll">
              <table class="data-table price-table" data-test="price-table">
                <thead>
                  <tr>
                    <th>{t('priceBook.product')}</th>
                    <th>{t('priceBook.item')}</th>
                    <th>{t('priceBook.plan')}</th>
                    <th class="num">{t('priceBook.amount')}</th>
                    <th>{t('priceBook.in_force')}</th>
                    <th>{t('priceBook.source')}</th>
                    <th>
                      <span class="visually-hidden">{t('scenarios.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.value.map((row) => (
                    <tr class={row.user ? 'user-price' : ''} data-test="price-row">
                      <EntryCells row={row} />
                      <td
                        class="source-cell"
                        title={row.note_message ? renderMessage(row.note_message) : ''}
                        data-title-code={row.note_message && !isUserText(row.note_message) ? row.note_message.code : undefined}
                      >
                        {row.user ? <span class="badge badge-neutral">{t('priceBook.yours')}</span> : <span data-verbatim>{row.source_title ?? row.source}</span>}
                        <div class="muted small">
                          <code>{row.rule}</code>
                        </div>
                      </td>
                      <td class="row-actions">
                        {row.user && row.id !== null && (
                          <>
                            <button
                              type="button"
                              class="link-button"
                              onClick={() =>
                                (editing.value = {
                                  id: row.id,
                                  price: {
                                    product: row.product,
                                    site: row.site,
                                    item: row.item,
                                    plan: row.plan,
                                    region: row.regions[0] ?? null,
                                    unit: row.unit,
                                    amount: row.amount,
                                    currency: row.currency ?? 'USD',
                                    effective_from: row.effective_from,
                                    effective_to: row.effective_to,
                                    note: row.note,
                                  },
                                })
                              }
                              {...savingBlocked()}
                            >
                              {t('common.edit')}
                            </button>
                            <button type="button" class="link-button danger" onClick={() => (removing.value = row)} {...savingBlocked()}>
                              {t('common.delete')}
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
      {removingUpdate.value && (
        <ConfirmDialog
          title={t('priceBook.update.removeTitle')}
          body={t('priceBook.update.removeBody', { name: removingUpdate.value.name })}
          confirm={t('common.remove')}
          onCancel={() => (removingUpdate.value = null)}
          onConfirm={() => {
            const id = removingUpdate.value!.id;
            removingUpdate.value = null;
            loadedUpdate.value = null;
            api.removePriceUpdate(id).then(
              (left) => {
                updates.value = left;
                load();
              },
              (failure: CommandError) => (error.value = failure),
            );
          }}
        />
      )}
      {removing.value && (
        <ConfirmDialog
          title={t('priceBook.deleteTitle')}
          body={t('priceBook.deleteBody', { item: priceItemName(removing.value.item) })}
          confirm={t('common.delete')}
          onCancel={() => (removing.value = null)}
          onConfirm={() => {
            const id = removing.value!.id!;
            removing.value = null;
            api.deleteUserPrice(id).then(load, (failure: CommandError) => (error.value = failure));
          }}
        />
      )}
    </>
  );
}

/** What a price-book update would change, before the user loads it. */
function UpdatePreview(props: { preview: PriceUpdatePreview; onConfirm: () => void; onCancel: () => void }) {
  const { preview } = props;
  return (
    <Section title={t('priceBook.update.title', { name: preview.name })}>
      <div class="stack" data-test="update-preview">
        <p class="muted">{t('priceBook.update.intro', { count: preview.entries.length })}</p>
        <div class="table-scroll">
          <table class="data-table price-table" data-test="update-entries">
            <thead>
              <tr>
                <th>{t('priceBook.product')}</th>
                <th>{t('priceBook.item')}</th>
                <th>{t('priceBook.plan')}</th>
                <th class="num">{t('priceBook.amount')}</th>
                <th>{t('priceBook.in_force')}</th>
                <th>{t('priceBook.source')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.entries.map((row) => (
                <tr data-test="update-entry">
                  <EntryCells row={row} />
                  <td class="source-cell">
                    <span data-verbatim>{row.source_title ?? row.source}</span>
                    <div class="muted small">
                      <code>{row.rule}</code>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 class="section-subtitle">{t('priceBook.update.scenariosTitle')}</h3>
        {preview.changed.length === 0 ? (
          <p data-test="update-no-changes">{t('priceBook.update.noChanges')}</p>
        ) : (
          <div class="table-scroll">
            <table class="data-table" data-test="update-scenarios">
              <thead>
                <tr>
                  <th>{t('priceBook.update.scenario')}</th>
                  <th class="num">{t('priceBook.update.before')}</th>
                  <th class="num">{t('priceBook.update.after')}</th>
                  <th>{t('priceBook.update.firstMonth')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.changed.map((row) => (
                  <tr data-test="update-scenario">
                    <td data-verbatim>{row.name}</td>
                    <td class="num" data-test="update-before">
                      {displayMoney(row.total_before, row.currency)}
                      {!row.complete_before && ' *'}
                    </td>
                    <td class="num" data-test="update-after">
                      {displayMoney(row.total_after, row.currency)}
                      {!row.complete_after && ' *'}
                    </td>
                    <td class="nowrap" data-test="update-first-month">{row.first_month}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p class="muted small" data-test="update-unchanged">
          {t('priceBook.update.unchanged', { count: preview.unchanged })}
          {preview.saved_quotes > 0 && ` ${t('priceBook.update.savedQuotes', { count: preview.saved_quotes })}`}
          {preview.not_quoted > 0 && ` ${t('priceBook.update.notQuoted', { count: preview.not_quoted })}`}
        </p>
        <div class="button-row">
          <button type="button" class="button" onClick={props.onConfirm} {...savingBlocked()} data-test="update-confirm">
            {t('priceBook.update.confirm')}
          </button>
          <button type="button" class="button secondary" onClick={props.onCancel} data-test="update-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Section>
  );
}

/** A price-book entry's product, item (with its regions), plan, amount and dates. */
function EntryCells({ row }: { row: PriceRow }) {
  return (
    <>
      <td class="nowrap">
        <strong>{t(`productsShort.${row.product}`)}</strong>
        <div class="muted small site" title={t(`sites.${row.site}`, { defaultValue: row.site })}>
          {t(`sites.${row.site}`, { defaultValue: row.site })}
        </div>
      </td>
      <td title={row.item}>
        {priceItemName(row.item)}
        {row.regions.length > 0 && (
          <div class="muted small regions" title={row.regions.join(', ')} data-verbatim>
            {row.regions.join(', ')}
          </div>
        )}
      </td>
      <td data-verbatim>{row.plan ?? '—'}</td>
      <td class="num">
        <span class="amount">{`${formatDecimal(row.amount)} ${row.currency ?? ''}`.trim()}</span>
        <div class="muted small" title={row.unit} data-code="unit">
          / {unitName(row.unit)}
        </div>
      </td>
      <td class="num">
        {row.effective_from ?? t('priceBook.anyDate')}
        {row.effective_to && <div class="muted small">– {row.effective_to}</div>}
      </td>
    </>
  );
}

function PriceField(props: { label: string; path: string; error?: string; children: preact.ComponentChildren }) {
  return (
    <div class={props.error ? 'form-field has-error' : 'form-field'}>
      <label class="form-label">
        <span>{props.label}</span>
        {props.children}
      </label>
      <FieldMessage path={props.path} message={props.error} />
    </div>
  );
}
