import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { api, CommandError, type AppInfo } from '../api';
import { LANGUAGES, LANGUAGE_NAMES, language, setLanguage, t } from '../i18n';
import { THEMES, setTheme, themePreference, type ThemePreference } from '../theme';
import { PageHeader, Section, Segmented } from '../components/layout';
import { ErrorNotice } from '../components/error-notice';

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
              onChange={setTheme}
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
              onChange={setLanguage}
              testPrefix="lang"
            />
          </div>
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
          <td class="path" data-test="app-data-dir">
            {info.value.data_dir}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
