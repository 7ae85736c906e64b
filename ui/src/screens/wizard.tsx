// The scenario wizard (new and edit). Each change rebuilds the format-v1 document, asks Rust
// for a live preview (side panel) and keeps a draft, so closing the window loses nothing.
// Keyboard: Enter in a field goes to the next step; Alt+← / Alt+→ go back and forward.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { api, CommandError, CURRENCIES, type FieldError, type WizardOptions } from '../api';
import { language, t } from '../i18n';
import { navigate, param } from '../router';
import { resolvedTheme } from '../theme';
import { displayMoney, displayAmount } from '../format';
import { PageHeader, Segmented } from '../components/layout';
import { ErrorNotice } from '../components/error-notice';
import { ConfirmDialog, FieldMessage, Loading, productName } from '../components/common';
import { savingBlocked } from '../database';
import { DateInput } from '../components/date-input';
import { readTypedNumber } from '../numbers';
import type { FormChoice, FormField } from '../bindings';
import { renderMessage } from '../messages';
import {
  PRODUCTS,
  buildDocument,
  fieldPath,
  formOf,
  isAsked,
  quantityPaths,
  upgradeState,
  fieldAt,
  partOfField,
  settingOf,
  MARKETS,
  chooseCurrency,
  chooseMarket,
  emptyState,
  marketOf,
  siteBilling,
  siteCurrency,
  stateFromDocument,
  type GrowthMode,
  type Product,
  type Quantity,
  type WizardState,
} from '../wizard/model';
import { livePreview, liveShownErrors, requestPreview, resetPreview } from '../wizard/live';
import { fieldProblem } from '../wizard/fields';
import { fieldErrorText } from '../wizard/labels';

type Step = 'basics' | 'products' | Product | 'growth' | 'budgets' | 'review';

/** A step's name: a product's step is called by the product's name. */
function stepName(step: Step): string {
  return (PRODUCTS as readonly string[]).includes(step) ? productName(step) : t(`wizard.step.${step}`);
}

function stepsFor(state: WizardState): Step[] {
  return ['basics', 'products', ...PRODUCTS.filter((p) => state.products.includes(p)), 'growth', 'budgets', 'review'];
}

/** Which step holds a document path, so a save error can send the user there. */
function stepOfPath(path: string): Step {
  // A growth rule's parts and a month of a list are edited on the Growth step; a value of a
  // set (`tcr.needs.webhooks[1]`) on its product's step.
  if (partOfField(path)?.field.input.type === 'quantity') return 'growth';
  const product = PRODUCTS.find((p) => path.startsWith(p));
  if (product) return product;
  if (path.startsWith('budgets')) return 'budgets';
  return 'basics';
}

export function WizardScreen() {
  const idText = param('/wizard/:id', 'id');
  const id = idText && idText !== 'new' ? Number(idText) : null;
  const draftKey = id === null ? 'wizard:new' : `wizard:${id}`;

  const state = useSignal<WizardState | null>(null);
  const step = useSignal<Step>('basics');
  const options = useSignal<WizardOptions | null>(null);
  const error = useSignal<CommandError | null>(null);
  const saveErrors = useSignal<FieldError[]>([]);
  const saving = useSignal(false);
  const restored = useSignal(false);
  const draftTimer = useRef<ReturnType<typeof setTimeout>>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Fields the user has left (their paths) and steps they pressed Next on.
  const touched = useSignal<string[]>([]);
  const attempted = useSignal<Step[]>([]);
  // A field left by pressing a button (Next, Add rate…) is marked only after the press: the
  // message it may show would otherwise move the button away from under the pointer before
  // the click lands.
  const pointerDown = useRef(false);
  const pendingTouched = useRef<string[]>([]);
  const markTouched = (path: string) => {
    if (pointerDown.current) {
      pendingTouched.current.push(path);
    } else if (!touched.value.includes(path)) {
      touched.value = [...touched.value, path];
    }
  };
  useEffect(() => {
    const down = () => (pointerDown.current = true);
    const up = () => {
      pointerDown.current = false;
      // After the click that follows this release has been handled.
      setTimeout(() => {
        const paths = pendingTouched.current.filter((p) => !touched.value.includes(p));
        pendingTouched.current = [];
        if (paths.length > 0) touched.value = [...touched.value, ...paths];
      }, 0);
    };
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    return () => {
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
    };
  }, []);
  // The document as the wizard opened it (saved scenario or new defaults); a restored draft
  // always counts as changed. Discarding asks first only when there is something to lose.
  const openedAs = useRef<string | null>(null);
  const confirmingDiscard = useSignal(false);
  const loaded = state.value !== null && options.value !== null;
  // When the wizard opens and at every step, focus goes to the step's heading, so a screen
  // reader announces the step and Tab continues from its first field (not from the page top).
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [step.value, loaded]);

  // Load: a draft wins over the saved document (it is newer work).
  useEffect(() => {
    resetPreview();
    let cancelled = false;
    (async () => {
      try {
        const [opts, draft, settings] = await Promise.all([
          api.wizardOptions(),
          api.getDraft(draftKey).catch(() => null),
          api.getSettings().catch(() => ({}) as Record<string, string>),
        ]);
        if (cancelled) return;
        options.value = opts;
        if (draft) {
          const saved = JSON.parse(draft) as { state: WizardState; step: Step };
          state.value = upgradeState(saved.state);
          step.value = saved.step;
          restored.value = true;
          openedAs.current = null;
        } else if (id !== null) {
          const doc = await api.getScenario(id);
          state.value = stateFromDocument(doc.document, opts.sites);
          openedAs.current = JSON.stringify(buildDocument(state.value));
        } else {
          // Without a saved default, a Chinese UI suggests CNY (and with it the China sites).
          const currency = settings.currency ?? (language.value === 'zh-CN' ? 'CNY' : 'USD');
          state.value = emptyState(currency, opts.sites);
          openedAs.current = JSON.stringify(buildDocument(state.value));
        }
      } catch (failure) {
        error.value = failure as CommandError;
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [draftKey]);

  const theme = resolvedTheme();
  const lang = language.value;
  const current = state.value;
  const documentText = current ? JSON.stringify(buildDocument(current), null, 2) : '';

  // Preview on every change; save the draft a little later.
  useEffect(() => {
    if (!current) return;
    requestPreview(documentText, theme, lang);
  }, [documentText, theme, lang]);

  const update = (change: (draft: WizardState) => void) => {
    if (!state.value) return;
    const next = JSON.parse(JSON.stringify(state.value)) as WizardState;
    change(next);
    state.value = next;
    saveErrors.value = [];
    if (draftTimer.current) clearTimeout(draftTimer.current);
    draftTimer.current = setTimeout(() => {
      void api.putDraft(draftKey, JSON.stringify({ state: state.value, step: step.value })).catch(() => undefined);
    }, 400);
  };

  if (!current || !options.value) {
    return (
      <>
        <PageHeader title={id === null ? t('wizard.newTitle') : t('wizard.editTitle')} />
        {error.value ? <ErrorNotice error={error.value} /> : <Loading />}
      </>
    );
  }

  const steps = stepsFor(current);
  const index = Math.max(0, steps.indexOf(step.value));
  const go = (delta: number) => {
    if (delta > 0 && !attempted.value.includes(step.value)) attempted.value = [...attempted.value, step.value];
    const next = steps[Math.min(steps.length - 1, Math.max(0, index + delta))]!;
    step.value = next;
    void api.putDraft(draftKey, JSON.stringify({ state: state.value, step: next })).catch(() => undefined);
  };

  // Field errors: those from the last save attempt, else the live preview's.
  const preview = livePreview.value;
  const errors = saveErrors.value.length > 0 ? saveErrors.value : (preview?.errors ?? []);
  // A problem shows once its field was left, its step moved on from, or a save tried; never
  // on a field the user has not reached (the empty Name of a new scenario is not an error yet).
  const isShown = (e: FieldError) =>
    saveErrors.value.length > 0 ||
    attempted.value.includes(stepOfPath(e.path)) ||
    step.value === 'review' ||
    touched.value.some((p) => e.path === p || e.path.startsWith(`${p}[`) || e.path.startsWith(`${p}.`));
  const shownErrors = errors.filter(isShown);
  const fieldError = (path: string) => {
    const found = shownErrors.find((e) => e.path === path || e.path.startsWith(`${path}[`) || e.path.startsWith(`${path}.`));
    return found ? fieldProblem(found) : undefined;
  };

  liveShownErrors.value = shownErrors.map((e) => ({ path: e.path, text: fieldErrorText(e) }));

  const save = async () => {
    saving.value = true;
    error.value = null;
    try {
      const row = id === null ? await api.createScenario(documentText) : await api.updateScenario(id, documentText);
      if (draftTimer.current) clearTimeout(draftTimer.current);
      await api.deleteDraft(draftKey).catch(() => undefined);
      navigate(`/scenarios/${row.id}`);
    } catch (failure) {
      const commandError = failure as CommandError;
      error.value = commandError;
      saveErrors.value = commandError.fields;
      if (commandError.fields[0]) step.value = stepOfPath(commandError.fields[0].path);
    } finally {
      saving.value = false;
    }
  };

  const changed = () => openedAs.current === null || JSON.stringify(buildDocument(current)) !== openedAs.current;
  const askDiscard = () => {
    if (changed()) confirmingDiscard.value = true;
    else discard();
  };
  const discard = () => {
    confirmingDiscard.value = false;
    if (draftTimer.current) clearTimeout(draftTimer.current);
    // The draft's deletion is sent first (the database takes requests in order, so a wizard
    // opened next cannot find it) and not waited for: a navigation after it would take the
    // user back here from wherever they went in the meantime.
    void api.deleteDraft(draftKey).catch(() => undefined);
    navigate(id === null ? '/' : `/scenarios/${id}`);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && event.key === 'ArrowRight') {
      event.preventDefault();
      go(1);
    } else if (event.altKey && event.key === 'ArrowLeft') {
      event.preventDefault();
      go(-1);
    } else if (event.key === 'Enter' && !event.altKey) {
      const target = event.target as HTMLElement;
      if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.tagName === 'A') return;
      event.preventDefault();
      if (step.value === 'review') void save();
      else go(1);
    }
  };

  const last = index === steps.length - 1;
  const props: StepProps = { state: current, update, fieldError, options: options.value };

  return (
    <div onKeyDown={onKeyDown} data-test="wizard">
      <PageHeader
        title={id === null ? t('wizard.newTitle') : t('wizard.editTitle')}
        subtitle={t('wizard.subtitle')}
        actions={
          <button type="button" class="button secondary" onClick={askDiscard} data-test="wizard-discard">
            {t('wizard.discard')}
          </button>
        }
      />
      {confirmingDiscard.value && (
        <ConfirmDialog
          title={t('wizard.discardTitle')}
          body={id === null ? t('wizard.discardNewBody') : t('wizard.discardEditBody')}
          confirm={t('wizard.discard')}
          onConfirm={discard}
          onCancel={() => (confirmingDiscard.value = false)}
        />
      )}
      {restored.value && (
        <div class="notice notice-info" role="status" data-test="draft-restored">
          {t('wizard.draftRestored')}
        </div>
      )}
      <ol class="stepper" data-test="stepper">
        {steps.map((s, i) => (
          <li class={i === index ? 'current' : i < index ? 'done' : ''}>
            <button type="button" class="step-button" onClick={() => (step.value = s)} data-test={`step-${s}`} aria-current={i === index ? 'step' : undefined}>
              <span class="step-number">{i + 1}</span>
              {stepName(s)}
            </button>
          </li>
        ))}
      </ol>
      {error.value && <ErrorNotice error={error.value} />}
      <section
        class="card wizard-card"
        data-test={`wizard-step-${step.value}`}
        onFocusOut={(event) => {
          const path = (event.target as Element).closest('[data-field]')?.getAttribute('data-field');
          if (path) markTouched(path);
        }}
      >
        <h2 class="card-title" tabIndex={-1} ref={headingRef} data-test="wizard-step-heading">
          {stepName(step.value)}
        </h2>
        {step.value === 'basics' && <BasicsStep {...props} />}
        {step.value === 'products' && <ProductsStep {...props} />}
        {PRODUCTS.map((product) => step.value === product && <ProductStep {...props} product={product} />)}
        {step.value === 'growth' && <GrowthStep {...props} />}
        {step.value === 'budgets' && <BudgetsStep {...props} />}
        {step.value === 'review' && <ReviewStep state={current} document={documentText} errors={errors} />}
      </section>
      <div class="wizard-nav">
        <button type="button" class="button secondary" disabled={index === 0} onClick={() => go(-1)} title={t('wizard.backHint')} data-test="wizard-back">
          {t('wizard.back')}
        </button>
        <span class="muted small">{t('wizard.keys')}</span>
        {last ? (
          <button type="button" class="button" onClick={save} {...savingBlocked(saving.value)} data-test="wizard-save">
            {saving.value ? t('wizard.saving') : t('common.save')}
          </button>
        ) : (
          <span class="wizard-nav-end">
            {/* Saving does not need a walk to Review: a change to one number is saved from here. */}
            <button type="button" class="button secondary" onClick={save} {...savingBlocked(saving.value)} data-test="wizard-save-now">
              {saving.value ? t('wizard.saving') : t('common.save')}
            </button>
            <button type="button" class="button" onClick={() => go(1)} title={t('wizard.nextHint')} data-test="wizard-next">
              {t('wizard.next')}
            </button>
          </span>
        )}
      </div>
    </div>
  );
}

interface StepProps {
  state: WizardState;
  update: (change: (draft: WizardState) => void) => void;
  fieldError: (path: string) => string | undefined;
  options: WizardOptions;
}

function Field(props: { label: string; hint?: string; path: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={props.error ? 'form-field has-error' : 'form-field'} data-field={props.path}>
      <label class="form-label">
        <span>{props.label}</span>
        {props.children}
      </label>
      {props.hint && <small class="muted">{props.hint}</small>}
      <FieldMessage path={props.path} message={props.error} />
    </div>
  );
}

function TextInput(props: { value: string; onInput: (value: string) => void; test: string; type?: string; numeric?: boolean; placeholder?: string; label?: string }) {
  return (
    <input
      class={props.numeric ? 'input num-input' : 'input'}
      type={props.type ?? 'text'}
      inputMode={props.numeric ? 'decimal' : undefined}
      value={props.value}
      placeholder={props.placeholder}
      aria-label={props.label}
      onInput={(event) => props.onInput((event.target as HTMLInputElement).value)}
      data-test={props.test}
    />
  );
}

function Select(props: { value: string; onChange: (value: string) => void; test: string; label?: string; children: ComponentChildren }) {
  return (
    <select
      class="input"
      value={props.value}
      aria-label={props.label}
      onChange={(event) => props.onChange((event.target as HTMLSelectElement).value)}
      data-test={props.test}
    >
      {props.children}
    </select>
  );
}

function Check(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; test: string }) {
  return (
    <label class="checkbox">
      <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange((event.target as HTMLInputElement).checked)} data-test={props.test} />
      {props.label}
    </label>
  );
}

function BasicsStep({ state, update, fieldError, options }: StepProps) {
  return (
    <div class="form-grid">
      <Field label={t('wizard.name')} path="name" error={fieldError('name')}>
        <TextInput value={state.name} onInput={(v) => update((d) => void (d.name = v))} test="field-name" />
      </Field>
      <Field label={t('wizard.start')} hint={t('wizard.startHint')} path="start" error={fieldError('start')}>
        <DateInput month value={state.start} onChange={(v) => update((d) => void (d.start = v))} test="field-start" />
      </Field>
      <Field label={t('wizard.months')} hint={t('wizard.monthsHint')} path="months" error={fieldError('months')}>
        <TextInput numeric value={state.months} onInput={(v) => update((d) => void (d.months = v))} test="field-months" />
      </Field>
      <Field label={t('wizard.currency')} hint={t('wizard.currencyHint')} path="currency" error={fieldError('currency')}>
        <Select value={state.currency} onChange={(v) => update((d) => chooseCurrency(d, v, options.sites))} test="field-currency">
          {CURRENCIES.map((c) => (
            <option value={c}>{c}</option>
          ))}
        </Select>
      </Field>
      <div class="form-wide form-field" data-field="market">
        <span class="form-label" id="market-label">
          {t('wizard.market')}
        </span>
        <Segmented
          label={t('wizard.market')}
          value={marketOf(state, options.sites) ?? ('' as never)}
          options={MARKETS.map((m) => ({ value: m, label: t(`wizard.markets.${m}`) }))}
          onChange={(m) => update((d) => chooseMarket(d, m, options.sites))}
          testPrefix="market"
        />
        <small class="muted" data-test="market-hint">
          {marketOf(state, options.sites) === null ? t('wizard.marketMixed') : t('wizard.marketHint')}
        </small>
      </div>
      <div class="form-wide">
        <h3 class="card-subtitle">{t('wizard.rates')}</h3>
        <p class="muted small">{t('wizard.ratesHint')}</p>
        {state.rates.map((rate, i) => (
          <div class="row-inputs" data-test="rate-row" data-field={`rates[${i}]`}>
            <Select value={rate.from} label={t('wizard.rateFrom')} onChange={(v) => update((d) => void (d.rates[i]!.from = v))} test={`rate-from-${i}`}>
              {CURRENCIES.map((c) => (
                <option value={c}>{c}</option>
              ))}
            </Select>
            <span class="muted">→</span>
            <Select value={rate.to} label={t('wizard.rateTo')} onChange={(v) => update((d) => void (d.rates[i]!.to = v))} test={`rate-to-${i}`}>
              {CURRENCIES.map((c) => (
                <option value={c}>{c}</option>
              ))}
            </Select>
            <div>
              <TextInput numeric value={rate.rate} placeholder={t('wizard.rate')} label={t('wizard.rate')} onInput={(v) => update((d) => void (d.rates[i]!.rate = v))} test={`rate-rate-${i}`} />
              <FieldMessage path={`rates[${i}].rate`} message={fieldError(`rates[${i}].rate`)} />
            </div>
            <div>
              <DateInput value={rate.date} label={t('wizard.rateDate')} onChange={(v) => update((d) => void (d.rates[i]!.date = v))} test={`rate-date-${i}`} />
              <FieldMessage path={`rates[${i}].date`} message={fieldError(`rates[${i}].date`)} />
            </div>
            <button type="button" class="link-button danger" onClick={() => update((d) => void d.rates.splice(i, 1))}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="button secondary small"
          onClick={() => update((d) => void d.rates.push({ from: 'CNY', to: 'USD', rate: '', date: new Date().toISOString().slice(0, 10) }))}
          data-test="add-rate"
        >
          {t('wizard.addRate')}
        </button>
      </div>
    </div>
  );
}

function ProductsStep({ state, update }: StepProps) {
  return (
    <div class="product-choices">
      <p class="muted">{t('wizard.productsHint')}</p>
      {PRODUCTS.map((product) => (
        <label class={state.products.includes(product) ? 'product-choice selected' : 'product-choice'}>
          <input
            type="checkbox"
            checked={state.products.includes(product)}
            onChange={(event) =>
              update((d) => {
                const on = (event.target as HTMLInputElement).checked;
                d.products = PRODUCTS.filter((p) => (p === product ? on : d.products.includes(p)));
              })
            }
            data-test={`product-${product}`}
          />
          <span>
            <strong>{productName(product)}</strong>
            <small class="muted">{renderMessage(formOf(product).blurb)}</small>
          </span>
        </label>
      ))}
      <FieldMessage path="products" message={state.products.length === 0 ? t('wizard.pickOne') : undefined} />
    </div>
  );
}

function QuantityInput({ state, update, fieldError, path, label, hint }: StepProps & { path: string; label: string; hint?: string }) {
  const quantity = state.quantities[path]!;
  const described =
    quantity.mode === 'constant' ? undefined : t(`wizard.growth.summary.${quantity.mode}`, { step: quantity.step || '…' });
  return (
    <Field label={label} hint={described ?? hint} path={path} error={fieldError(path)}>
      {quantity.mode === 'list' ? (
        <TextInput value={quantity.list} onInput={(v) => update((d) => void (d.quantities[path]!.list = v))} test={`field-${path}`} />
      ) : (
        <TextInput numeric value={quantity.value} onInput={(v) => update((d) => void (d.quantities[path]!.value = v))} test={`field-${path}`} />
      )}
    </Field>
  );
}

/**
 * Shown when a product's site bills in another currency than the report: the quote then
 * needs an exchange rate. Offers the one-click fix (the site that bills in the report
 * currency) and, for a team that does buy there, adding the rate.
 */
function SiteMismatch(props: StepProps & { product: Product }) {
  const { state, update, options, product } = props;
  const chosen = String(state.settings[product].site);
  const billed = siteCurrency(options.sites, product, chosen);
  if (!billed || billed === state.currency) return null;
  const hasRate = state.rates.some(
    (r) => (r.from === billed && r.to === state.currency) || (r.from === state.currency && r.to === billed),
  );
  if (hasRate) return null;
  const matching = siteBilling(options.sites, product, state.currency);
  const site = t(`sites.${chosen}`, { defaultValue: chosen });
  return (
    <div class="notice notice-warning form-wide" role="status" data-test={`site-mismatch-${product}`}>
      <p>{t('wizard.siteMismatch', { site, billed, currency: state.currency })}</p>
      <div class="notice-actions">
        {matching && (
          <button type="button" class="button" onClick={() => update((d) => void (d.settings[product].site = matching))} data-test={`use-site-${product}`}>
            {t('wizard.useSite', { site: t(`sites.${matching}`, { defaultValue: matching }), currency: state.currency })}
          </button>
        )}
        <button
          type="button"
          class="button secondary"
          onClick={() => update((d) => void d.rates.push({ from: billed, to: d.currency, rate: '', date: '' }))}
          data-test={`add-rate-${product}`}
        >
          {t('wizard.addRateFor', { from: billed, to: state.currency })}
        </button>
      </div>
    </div>
  );
}

function SiteSelect({ product, value, onChange, options }: { product: string; value: string; onChange: (v: string) => void; options: WizardOptions }) {
  const sites = options.sites.find((s) => s.product === product)?.sites ?? [];
  return (
    <Select value={value} onChange={onChange} test={`field-${product}.site`}>
      {sites.map((s) => (
        <option value={s.site}>
          {t(`sites.${s.site}`, { defaultValue: s.site })} ({s.currency})
        </option>
      ))}
    </Select>
  );
}

/** What a choice says under its field while chosen: its note and hint. */
function choiceHint(choice: FormChoice | undefined): string | undefined {
  const parts = [choice?.note, choice?.hint].filter((m) => m !== null && m !== undefined).map((m) => renderMessage(m!));
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** A product's step, drawn from its form (`products/<product>/form.rs`, through forms.ts). */
function ProductStep(props: StepProps & { product: Product }) {
  const { state, update, fieldError, options, product } = props;
  const settings = state.settings[product];
  const fields = formOf(product).fields.filter((f) => isAsked(state, product, f));
  const set = (field: FormField, value: string | boolean | string[]) =>
    update((d) => void (d.settings[product][field.key] = value));
  // Toggles that follow each other share one row.
  const parts: (FormField | FormField[])[] = [];
  for (const field of fields) {
    const last = parts[parts.length - 1];
    if (field.input.type === 'toggle' && Array.isArray(last)) last.push(field);
    else parts.push(field.input.type === 'toggle' ? [field] : field);
  }
  return (
    <div class="form-grid" data-test={`form-${product}`}>
      {parts.map((part) => {
        if (Array.isArray(part)) {
          return (
            <div class="form-wide checks">
              {part.map((field) => (
                <Check
                  label={renderMessage(field.label)}
                  checked={settings[field.key] === true}
                  onChange={(v) => set(field, v)}
                  test={`field-${fieldPath(product, field)}`}
                />
              ))}
            </div>
          );
        }
        const field = part;
        const path = fieldPath(product, field);
        const label = renderMessage(field.label);
        const hint = field.hint ? renderMessage(field.hint) : undefined;
        const value = settingOf(state, product, field);
        const input = field.input;
        switch (input.type) {
          case 'site':
            return (
              <>
                <Field label={label} hint={hint} path={path} error={fieldError(path)}>
                  <SiteSelect product={product} value={String(value)} options={options} onChange={(v) => set(field, v)} />
                </Field>
                <SiteMismatch {...props} product={product} />
              </>
            );
          case 'choice': {
            const chosen = input.options.find((o) => o.value === value);
            const shownHint = [hint, choiceHint(chosen)].filter(Boolean).join(' · ') || undefined;
            if (input.buttons) {
              return (
                <div class="form-wide">
                  <Field label={label} hint={shownHint} path={path} error={fieldError(path)}>
                    <Segmented
                      label={label}
                      value={String(value)}
                      options={input.options.map((o) => ({ value: o.value, label: renderMessage(o.label) }))}
                      onChange={(v) => set(field, v)}
                      testPrefix={`${product}-${field.key}`}
                    />
                  </Field>
                </div>
              );
            }
            return (
              <Field label={label} hint={shownHint} path={path} error={fieldError(path)}>
                <Select value={String(value)} onChange={(v) => set(field, v)} test={`field-${path}`}>
                  <ChoiceOptions options={input.options} />
                </Select>
              </Field>
            );
          }
          case 'quantity':
            return <QuantityInput {...props} path={path} label={label} hint={hint} />;
          case 'whole':
            return (
              <Field label={label} hint={hint} path={path} error={fieldError(path)}>
                <TextInput numeric value={String(value ?? '')} onInput={(v) => set(field, v)} test={`field-${path}`} />
              </Field>
            );
          case 'set': {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <div class="form-wide" data-field={path}>
                <span class="form-label">{label}</span>
                <div class="checks">
                  {input.options.map((o) => (
                    <Check
                      label={renderMessage(o.label)}
                      checked={chosen.includes(o.value)}
                      onChange={(on) => set(field, on ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))}
                      test={`${product}-${field.key}-${o.value}`}
                    />
                  ))}
                </div>
                <FieldMessage path={path} message={fieldError(path)} />
              </div>
            );
          }
          case 'heading':
            return <h3 class="card-subtitle form-wide">{label}</h3>;
          case 'note': {
            const note = input.notes.find((n) => n.value === settings[input.by]);
            return note ? (
              <p class="form-wide muted small" data-test={`note-${product}`}>
                {renderMessage(note.text)}
              </p>
            ) : null;
          }
          default:
            return null;
        }
      })}
    </div>
  );
}

/** A choice's options, under their groups when they name groups. */
function ChoiceOptions({ options }: { options: readonly FormChoice[] }) {
  const option = (o: FormChoice) => (
    <option value={o.value}>
      {renderMessage(o.label)}
      {o.note ? ` — ${renderMessage(o.note)}` : ''}
    </option>
  );
  if (options.every((o) => o.group === null)) return <>{options.map(option)}</>;
  const groups: { label: string; options: FormChoice[] }[] = [];
  for (const o of options) {
    const label = o.group ? renderMessage(o.group) : '';
    const group = groups.find((g) => g.label === label);
    if (group) group.options.push(o);
    else groups.push({ label, options: [o] });
  }
  return (
    <>
      {groups.map((g) => (
        <optgroup label={g.label}>{g.options.map(option)}</optgroup>
      ))}
    </>
  );
}

const MODES: GrowthMode[] = ['constant', 'percent', 'add', 'list'];

function GrowthStep({ state, update, fieldError }: StepProps) {
  const paths = PRODUCTS.filter((p) => state.products.includes(p)).flatMap((p) => quantityPaths(p));
  if (paths.length === 0) return <p class="muted">{t('wizard.pickOne')}</p>;
  return (
    <div class="growth-list">
      <p class="muted">{t('wizard.growthHint')}</p>
      {paths.map((path) => {
        const quantity: Quantity = state.quantities[path]!;
        return (
          <div class="growth-row" data-test="growth-row" data-path={path} data-field={path}>
            <div class="growth-label">
              <strong>{quantityLabel(path)}</strong>
              <small class="muted">{productName(path.split('.')[0])}</small>
            </div>
            <Segmented
              label={quantityLabel(path)}
              value={quantity.mode}
              options={MODES.map((m) => ({ value: m, label: t(`wizard.growth.${m}`) }))}
              onChange={(m) => update((d) => void (d.quantities[path]!.mode = m))}
              testPrefix={`growth-${path}`}
            />
            <div class="growth-inputs">
              {quantity.mode === 'list' ? (
                <TextInput value={quantity.list} placeholder={t('wizard.growth.listPlaceholder', { months: state.months })} onInput={(v) => update((d) => void (d.quantities[path]!.list = v))} test={`list-${path}`} />
              ) : (
                <>
                  <label class="mini-label">
                    <span>{quantity.mode === 'constant' ? t('wizard.growth.value') : t('wizard.growth.start')}</span>
                    <TextInput numeric value={quantity.value} onInput={(v) => update((d) => void (d.quantities[path]!.value = v))} test={`start-${path}`} />
                  </label>
                  {(quantity.mode === 'percent' || quantity.mode === 'add') && (
                    <label class="mini-label">
                      <span>{quantity.mode === 'percent' ? t('wizard.growth.percentPlaceholder') : t('wizard.growth.addPlaceholder')}</span>
                      <TextInput
                        numeric
                        value={quantity.step}
                        onInput={(v) => update((d) => void (d.quantities[path]!.step = v))}
                        test={`step-${path}`}
                      />
                    </label>
                  )}
                </>
              )}
            </div>
            <FieldMessage path={path} message={fieldError(path)} />
            <SteepGrowth quantity={quantity} />
          </div>
        );
      })}
    </div>
  );
}

function BudgetsStep({ state, update, fieldError }: StepProps) {
  return (
    <div>
      <p class="muted">{t('wizard.budgetsHint')}</p>
      {state.budgets.length === 0 && <p class="muted" data-test="no-budgets">{t('wizard.noBudgets')}</p>}
      {state.budgets.length > 0 && (
        // One row of labelled fields per budget; the fields wrap in a narrow window rather
        // than push "Remove" out of sight.
        <ol class="budget-rows" data-test="budget-rows">
          {state.budgets.map((budget, i) => (
            <li class="budget-row" data-test="budget-row" data-field={`budgets[${i}]`}>
              <label class="mini-label budget-amount">
                <span>{t('wizard.budgetAmount')}</span>
                <TextInput numeric value={budget.amount} onInput={(v) => update((d) => void (d.budgets[i]!.amount = v))} test={`budget-amount-${i}`} />
                <FieldMessage path={`budgets[${i}].amount`} message={fieldError(`budgets[${i}].amount`)} />
              </label>
              <label class="mini-label">
                <span>{t('wizard.currency')}</span>
                <Select value={budget.currency} onChange={(v) => update((d) => void (d.budgets[i]!.currency = v))} test={`budget-currency-${i}`}>
                  {CURRENCIES.map((c) => (
                    <option value={c}>{c}</option>
                  ))}
                </Select>
              </label>
              <label class="mini-label budget-product">
                <span>{t('wizard.budgetProduct')}</span>
                <Select value={budget.product} onChange={(v) => update((d) => void (d.budgets[i]!.product = v))} test={`budget-product-${i}`}>
                  <option value="">{t('common.wholeScenario')}</option>
                  {state.products.map((p) => (
                    <option value={p}>{productName(p)}</option>
                  ))}
                </Select>
                <FieldMessage path={`budgets[${i}].product`} message={fieldError(`budgets[${i}].product`)} />
              </label>
              <label class="mini-label budget-warn">
                <span>{t('wizard.warnAt')}</span>
                <span class="input-suffix">
                  <TextInput numeric value={budget.warn_percent} onInput={(v) => update((d) => void (d.budgets[i]!.warn_percent = v))} test={`budget-warn-${i}`} />
                  <span>%</span>
                </span>
                <FieldMessage path={`budgets[${i}].warn_at`} message={fieldError(`budgets[${i}].warn_at`)} />
              </label>
              <button type="button" class="link-button danger budget-remove" onClick={() => update((d) => void d.budgets.splice(i, 1))} data-test={`budget-remove-${i}`}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        class="button secondary small"
        onClick={() => update((d) => void d.budgets.push({ amount: '', currency: d.currency, product: '', warn_percent: '80' }))}
        data-test="add-budget"
      >
        {t('wizard.addBudget')}
      </button>
    </div>
  );
}

function ReviewStep({ state, document, errors }: { state: WizardState; document: string; errors: FieldError[] }) {
  const preview = livePreview.value;
  return (
    <div class="review">
      {errors.length > 0 ? (
        <div class="notice notice-error" data-test="review-errors">
          <strong>{t('wizard.fixBeforeSave', { count: errors.length })}</strong>
          <ul class="plain-list">
            {errors.map((e) => (
              <li data-path={e.path}>{fieldErrorText(e)}</li>
            ))}
          </ul>
        </div>
      ) : (
        preview?.ok &&
        preview.total &&
        preview.currency && (
          <p class="review-total" data-test="review-total">
            {t('wizard.reviewTotal', { total: displayMoney(preview.total, preview.currency), months: preview.months.length })}
            {preview.months[0] && (
              <span class="muted"> · {t('wizard.firstMonth', { amount: displayAmount(preview.months[0].total) })}</span>
            )}
          </p>
        )
      )}
      <ReviewSummary state={state} />
      {/* The file itself, for those who want it, behind a disclosure. */}
      <details class="review-file" data-test="review-file">
        <summary>{t('wizard.document')}</summary>
        <pre class="json" tabIndex={0} aria-label={t('wizard.document')} data-test="review-json" data-verbatim>
          {document}
        </pre>
      </details>
    </div>
  );
}

/** The scenario in words: what is bought where, how much of it and how it grows, and budgets. */
function ReviewSummary({ state }: { state: WizardState }) {
  const site = (product: Product) => {
    const key = String(state.settings[product].site);
    return t(`sites.${key}`, { defaultValue: key });
  };
  const products = PRODUCTS.filter((p) => state.products.includes(p));
  const rows: [string, string][] = [
    [t('wizard.name'), state.name.trim() || '—'],
    [t('wizard.review.period'), t('wizard.review.periodValue', { start: state.start, months: state.months })],
    [t('wizard.currency'), state.currency],
  ];
  if (state.rates.length > 0) {
    rows.push([t('wizard.rates'), state.rates.map((r) => `1 ${r.from} = ${r.rate || '?'} ${r.to}${r.date ? ` (${r.date})` : ''}`).join(t('messages.list_separator'))]);
  }
  return (
    <div class="review-summary" data-test="review-summary">
      <table class="kv-table">
        <tbody>
          {rows.map(([label, value], i) => (
            <tr>
              <th scope="row">{label}</th>
              {/* The name is the user's own words, in whatever language they wrote it. */}
              <td data-verbatim={i === 0 ? '' : undefined}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {products.map((product) => (
        <section class="review-product" data-test={`review-${product}`}>
          <h3 class="card-subtitle">
            {productName(product)} <span class="muted small">· {site(product)}</span>
          </h3>
          <table class="kv-table">
            <tbody>
              {productSettings(state, product).map(([label, value]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
              {quantityPaths(product)
                .filter((path) => !isBlankQuantity(state.quantities[path]))
                .map((path) => (
                  <tr>
                    <th scope="row">{quantityLabel(path)}</th>
                    <td>{quantityInWords(state.quantities[path]!)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <h3 class="card-subtitle">{t('wizard.step.budgets')}</h3>
      {state.budgets.length === 0 ? (
        <p class="muted">{t('wizard.noBudgets')}</p>
      ) : (
        <ul class="plain-list review-budgets">
          {state.budgets.map((b) => (
            <li>
              {t('wizard.review.budget', {
                amount: `${b.amount.trim() || '?'} ${b.currency}`,
                scope: b.product ? productName(b.product) : t('common.wholeScenario'),
                warn: b.warn_percent.trim() || '—',
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The settings Review lists for a product, as its form marks them: choices, toggles when on. */
function productSettings(state: WizardState, product: Product): [string, string][] {
  const rows: [string, string][] = [];
  for (const field of formOf(product).fields) {
    if (!field.review || !isAsked(state, product, field)) continue;
    const value = settingOf(state, product, field);
    const label = renderMessage(field.label);
    if (field.input.type === 'choice') {
      const chosen = field.input.options.find((o) => o.value === value);
      rows.push([label, chosen ? renderMessage(chosen.label) : String(value)]);
    } else if (field.input.type === 'toggle' && value === true) {
      rows.push([label, t('wizard.review.yes')]);
    }
  }
  return rows;
}

/** A quantity's label, from its product's form. */
function quantityLabel(path: string): string {
  const found = fieldAt(path);
  return found ? renderMessage(found.field.label) : path;
}

function isBlankQuantity(quantity: Quantity | undefined): boolean {
  if (!quantity) return true;
  return quantity.mode === 'list' ? quantity.list.trim() === '' : quantity.value.trim() === '';
}

/** "120", "120, growing 10 % a month", "120, adding 5 a month", "12 monthly values". */
function quantityInWords(quantity: Quantity): string {
  switch (quantity.mode) {
    case 'constant':
      return quantity.value.trim();
    case 'percent':
      return t('wizard.review.percent', { start: quantity.value.trim(), step: quantity.step.trim() || '?' });
    case 'add':
      return t('wizard.review.add', { start: quantity.value.trim(), step: quantity.step.trim() || '?' });
    case 'list':
      return t('wizard.review.list', { count: quantity.list.split(/[\s,;]+/).filter(Boolean).length });
  }
}

/**
 * Growth above 100 % a month more than doubles a quantity every month: allowed (up to
 * 1000 %), but asked about, since it is more often a slip ("15" meant as 1.5 %) than a plan.
 */
function SteepGrowth({ quantity }: { quantity: Quantity }) {
  if (quantity.mode !== 'percent') return null;
  const read = readTypedNumber(quantity.step, { percent: true });
  if (!read.ok || !/^\d+(\.\d+)?$/.test(read.value)) return null;
  const [whole = '0', fraction = ''] = read.value.split('.');
  const above100 = Number(whole) > 100 || (Number(whole) === 100 && /[1-9]/.test(fraction));
  if (!above100) return null;
  return (
    <p class="field-warning" role="status" data-test="steep-growth">
      {t('wizard.steepGrowth', { step: read.value })}
    </p>
  );
}

