import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { api, CommandError, CURRENCIES, type AppInfo, type Currency, type RateRow } from '../api';
import { FieldMessage, today } from '../components/common';
import { typedOrAsIs } from '../numbers';
import { DateInput } from '../components/date-input';
import { LANGUAGES, LANGUAGE_NAMES, language, setLanguage, t } from '../i18n';
import { THEMES, setTheme, themePreference, type ThemePreference } from '../theme';
import { PageHeader, Section, Segmented } from '../components/layout';
import { ErrorNotice } from '../components/error-notice';
import { savingBlocked } from '../database';

const THEME_LABELS: Record<ThemePreference, string> = {
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
  system: 'settings.themeSystem',
};

export function SettingsScreen() {
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <div class="stack">
        <Section title={t('settings.appearance')}>
          <div class="field">
            <div class="field-label">
              <span>{t('settings.theme')}</span>
              <small class="muted">{t('settings.themeHint')}</small>
            </div>
            <Segmented
              label={t('settings.theme')}
              value={themePreference.value}
              options={THEMES.map((value) => ({ value, label: t(THEME_LABELS[value]) }))}
              onChange={(value) => {
                setTheme(value);
                void api.setSetting('theme', value).catch(() => undefined);
              }}
              testPrefix="theme"
            />
          </div>
          <div class="field">
            <div class="field-label">
              <span>{t('settings.language')}</span>
              <small class="muted">{t('settings.languageHint')}</small>
            </div>
            <Segmented
              label={t('settings.language')}
              value={language.value}
              options={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
              onChange={(value) => {
                setLanguage(value);
                void api.setSetting('language', value).catch(() => undefined);
              }}
              testPrefix="lang"
            />
          </div>
        </Section>
        <Section title={t('settings.money')}>
          <ReportCurrency />
          <Rates />
        </Section>
        <Section title={t('settings.about')}>
          <AboutTable />
        </Section>
      </div>
    </>
  );
}

function AboutTable() {
  const info = useSignal<AppInfo | null>(null);
  const error = useSignal<CommandError | null>(null);

  useEffect(() => {
    api.appInfo().then(
      (value) => (info.value = value),
      (failure: CommandError) => (error.value = failure),
    );
  }, []);

  if (error.value) return <ErrorNotice error={error.value} />;
  if (!info.value) return <p class="muted">{t('settings.loading')}</p>;
  return (
    <table class="kv-table">
      <tbody>
        <tr>
          <th scope="row">{t('settings.version')}</th>
          <td class="num" data-test="app-version">
            {info.value.version}
          </td>
        </tr>
        <tr>
          <th scope="row">{t('settings.dataDir')}</th>
          <td class="path" data-test="app-data-dir" data-verbatim>
            {info.value.data_dir}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function ReportCurrency() {
  const currency = useSignal<string | null>(null);
  useEffect(() => {
    api.getSettings().then(
      (settings) => (currency.value = settings.currency ?? 'USD'),
      () => (currency.value = 'USD'),
    );
  }, []);
  if (currency.value === null) return null;
  return (
    <div class="field">
      <div class="field-label">
        <span>{t('settings.currency')}</span>
        <small class="muted">{t('settings.currencyHint')}</small>
      </div>
      <Segmented
        label={t('settings.currency')}
        value={currency.value}
        options={CURRENCIES.map((value) => ({ value, label: value }))}
        onChange={(value) => {
          currency.value = value;
          void api.setSetting('currency', value).catch(() => undefined);
        }}
        testPrefix="currency"
      />
    </div>
  );
}

function Rates() {
  const rates = useSignal<RateRow[] | null>(null);
  const error = useSignal<CommandError | null>(null);
  const from = useSignal<Currency>('CNY');
  const to = useSignal<Currency>('USD');
  const rate = useSignal('');
  const date = useSignal(today());
  const load = () =>
    api.listRates().then(
      (value) => (rates.value = value),
      (failure: CommandError) => (error.value = failure),
    );
  useEffect(() => {
    void load();
  }, []);
  const add = async () => {
    error.value = null;
    try {
      await api.upsertRate(from.value, to.value, typedOrAsIs(rate.value), date.value);
      rate.value = '';
      await load();
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };
  const fieldMessage = (name: string) => error.value?.fieldMessage(name);
  return (
    <div class="field field-block">
      <div class="field-label">
        <span>{t('settings.rates')}</span>
        <small class="muted">{t('settings.ratesHint')}</small>
      </div>
      {error.value && !error.value.field && <ErrorNotice error={error.value} />}
      {rates.value && rates.value.length > 0 ? (
        <table class="data-table compact" data-test="rates-table">
          <thead>
            <tr>
              <th>{t('settings.rateFrom')}</th>
              <th>{t('settings.rateTo')}</th>
              <th class="num">{t('settings.rate')}</th>
              <th>{t('settings.rateDate')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rates.value.map((row) => (
              <tr>
                <td>{row.from}</td>
                <td>{row.to}</td>
                <td class="num">{row.rate}</td>
                <td>{row.date}</td>
                <td class="row-actions">
                  <button type="button" class="link-button danger" onClick={() => api.deleteRate(row.id).then(load, (f: CommandError) => (error.value = f))} {...savingBlocked()}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{rates.value ? t('settings.noRates') : t('settings.loading')}</p>
      )}
      <form
        class="row-inputs"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <select class="input" value={from.value} onChange={(e) => (from.value = (e.target as HTMLSelectElement).value as Currency)} aria-label={t('settings.rateFrom')}>
          {CURRENCIES.map((c) => <option value={c}>{c}</option>)}
        </select>
        <span class="muted">→</span>
        <select class="input" value={to.value} onChange={(e) => (to.value = (e.target as HTMLSelectElement).value as Currency)} aria-label={t('settings.rateTo')}>
          {CURRENCIES.map((c) => <option value={c}>{c}</option>)}
        </select>
        <div>
          <input class="input num-input" inputMode="decimal" placeholder={t('settings.rate')} value={rate.value} onInput={(e) => (rate.value = (e.target as HTMLInputElement).value)} data-test="rate-input" />
          <FieldMessage path="rate" message={fieldMessage('rate')} />
        </div>
        <div>
          <DateInput value={date.value} onChange={(v) => (date.value = v)} label={t('settings.rateDate')} test="rate-date" />
          <FieldMessage path="date" message={fieldMessage('date')} />
        </div>
        <button type="submit" class="button secondary small" {...savingBlocked()} data-test="add-rate">
          {t('settings.addRate')}
        </button>
      </form>
    </div>
  );
}
