// The scenario list: totals, search, create, duplicate, inline rename, delete (confirmed),
// and JSON import/export (Rust opens the native dialogs and reads or writes the file picked).

import { useEffect, useState } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { api, CommandError, type ScenarioRow } from '../api';
import { language, t } from '../i18n';
import { href, navigate } from '../router';
import { displayMoney } from '../format';
import { EmptyState, PageHeader } from '../components/layout';
import { ErrorNotice } from '../components/error-notice';
import { SavedNotice } from '../components/saved-notice';
import { CompleteBadge, ConfirmDialog, Loading } from '../components/common';
import { savingBlocked } from '../database';

// The header and the list's frame while it loads are the app's first frame, which index.html
// draws as a static shell before the script runs (ui/tests/static-shell.test.ts compares them).

export function ScenariosHeader({ onImport }: { onImport: () => void }) {
  return (
    <PageHeader
      title={t('scenarios.title')}
      subtitle={t('scenarios.subtitle')}
      actions={
        <>
          <button type="button" class="button secondary" onClick={onImport} {...savingBlocked()} data-test="import-scenario">
            {t('scenarios.import')}
          </button>
          <a class="button" href={href('/wizard/new')} data-test="new-scenario">
            {t('scenarios.new')}
          </a>
        </>
      }
    />
  );
}

export function ScenariosLoading() {
  return (
    <section class="card">
      <Loading />
    </section>
  );
}

export function ScenariosScreen() {
  // On start-up the list has usually arrived before the first render (early.ts).
  const [arrived] = useState(() => api.arrivedScenarios());
  const rows = useSignal<ScenarioRow[] | null>(arrived ?? null);
  const error = useSignal<CommandError | null>(null);
  const query = useSignal('');
  const renaming = useSignal<number | null>(null);
  const renameText = useSignal('');
  const renameError = useSignal<string | undefined>(undefined);
  const deleting = useSignal<ScenarioRow | null>(null);
  const message = useSignal<string | null>(null);
  const savedPath = useSignal<string | null>(null);

  const load = () =>
    api.listScenarios().then(
      (value) => {
        rows.value = value;
      },
      (failure: CommandError) => (error.value = failure),
    );
  useEffect(() => {
    if (!arrived) void load();
  }, []);

  const run = async (work: () => Promise<unknown>, done?: string) => {
    error.value = null;
    message.value = null;
    try {
      await work();
      if (done) message.value = done;
      await load();
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };

  const importJson = () =>
    run(async () => {
      await api.importScenario(language.value);
    });

  const exportJson = (row: ScenarioRow) =>
    run(async () => {
      const path = await api.exportScenario(row.id, language.value);
      if (path) savedPath.value = path;
    });

  const commitRename = async (row: ScenarioRow) => {
    const name = renameText.value.trim();
    if (!name) {
      renameError.value = t('scenarios.nameRequired');
      return;
    }
    try {
      await api.renameScenario(row.id, name);
      renaming.value = null;
      renameError.value = undefined;
      await load();
    } catch (failure) {
      renameError.value = (failure as CommandError).message;
    }
  };

  const needle = query.value.trim().toLowerCase();
  const shown = (rows.value ?? []).filter((row) => !needle || row.name.toLowerCase().includes(needle));

  return (
    <>
      <ScenariosHeader onImport={importJson} />
      {error.value && <ErrorNotice error={error.value} />}
      {message.value && (
        <div class="notice notice-info" role="status" data-test="notice">
          {message.value}
        </div>
      )}
      {savedPath.value && <SavedNotice path={savedPath.value} onClose={() => (savedPath.value = null)} />}
      {rows.value === null && !error.value && <ScenariosLoading />}
      {rows.value !== null && rows.value.length === 0 && (
        <EmptyState title={t('scenarios.emptyTitle')} body={t('scenarios.emptyBody')}>
          <a class="button" href={href('/wizard/new')}>
            {t('scenarios.new')}
          </a>
        </EmptyState>
      )}
      {rows.value !== null && rows.value.length > 0 && rows.value.every((row) => row.example) && (
        // A first launch: only the examples are here. Say what they are and what to do next.
        <div class="notice notice-info welcome" role="status" data-test="welcome">
          <p>
            <strong>{t('scenarios.welcomeTitle')}</strong> {t('scenarios.welcomeBody')}
          </p>
          <a class="button small" href={href('/wizard/new')} data-test="welcome-new">
            {t('scenarios.new')}
          </a>
        </div>
      )}
      {rows.value !== null && rows.value.length > 0 && (
        <section class="card">
          <div class="toolbar">
            <input
              type="search"
              class="input search"
              placeholder={t('scenarios.search')}
              aria-label={t('scenarios.search')}
              value={query.value}
              onInput={(event) => (query.value = (event.target as HTMLInputElement).value)}
              data-test="scenario-search"
            />
            <span class="muted">{t('scenarios.count', { count: shown.length })}</span>
          </div>
          {shown.length === 0 ? (
            <p class="muted" data-test="no-match">
              {t('scenarios.noMatch')}
            </p>
          ) : (
            <table class="data-table" data-test="scenario-table">
              <thead>
                <tr>
                  <th>{t('scenarios.name')}</th>
                  <th>{t('scenarios.products')}</th>
                  <th>{t('scenarios.period')}</th>
                  <th class="num">{t('scenarios.total')}</th>
                  <th>{t('scenarios.state')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr data-test="scenario-row" data-name={row.name} data-id={row.id}>
                    <td class="scenario-name">
                      {renaming.value === row.id ? (
                        <form
                          class="inline-form"
                          onSubmit={(event) => {
                            event.preventDefault();
                            void commitRename(row);
                          }}
                        >
                          <input
                            class="input"
                            value={renameText.value}
                            aria-label={t('scenarios.name')}
                            onInput={(event) => (renameText.value = (event.target as HTMLInputElement).value)}
                            onKeyDown={(event) => {
                              if (event.key === 'Escape') renaming.value = null;
                            }}
                            data-test="rename-input"
                            ref={(el) => el?.focus()}
                          />
                          <button type="submit" class="button small">
                            {t('common.save')}
                          </button>
                          <button type="button" class="button small secondary" onClick={() => (renaming.value = null)}>
                            {t('common.cancel')}
                          </button>
                          {renameError.value && <p class="field-error">{renameError.value}</p>}
                        </form>
                      ) : (
                        <a href={href(`/scenarios/${row.id}`)} class="row-link" data-test="open-scenario" data-verbatim>
                          {row.name}
                        </a>
                      )}
                      {row.example && (
                        <span class="badge badge-neutral" data-test="example-badge">
                          {t('scenarios.example')}
                        </span>
                      )}
                      {row.error && (
                        <div class="field-error" data-test="scenario-error">
                          {t('scenarios.rowError', { message: row.error })}
                        </div>
                      )}
                      {renaming.value !== row.id && (
                    <div class="row-actions-inline">
                      <button type="button" class="link-button" onClick={() => navigate(`/wizard/${row.id}`)} data-test="edit-scenario">
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        class="link-button"
                        onClick={() => {
                          renaming.value = row.id;
                          renameText.value = row.name;
                          renameError.value = undefined;
                        }}
                        data-test="rename-scenario"
                      >
                        {t('scenarios.rename')}
                      </button>
                      <button type="button" class="link-button" onClick={() => run(() => api.duplicateScenario(row.id))} data-test="duplicate-scenario">
                        {t('scenarios.duplicate')}
                      </button>
                      <button type="button" class="link-button" onClick={() => exportJson(row)} data-test="export-scenario">
                        {t('scenarios.export')}
                      </button>
                      <button type="button" class="link-button danger" onClick={() => (deleting.value = row)} data-test="delete-scenario">
                        {t('common.delete')}
                      </button>
                    </div>
                      )}
                    </td>
                    <td>
                      <span class="chips">
                        {row.products.map((p) => (
                          <span class="chip">{t(`productsShort.${p}`)}</span>
                        ))}
                      </span>
                    </td>
                    <td class="num">
                      {row.start ? t('scenarios.periodValue', { start: row.start, months: row.months ?? 0 }) : '—'}
                    </td>
                    <td class="num" data-test="scenario-total">
                      {row.total && row.currency ? displayMoney(row.total, row.currency) : '—'}
                    </td>
                    <td>
                      {row.error ? (
                        <span class="badge badge-warning" data-test="not-priced-badge">
                          {t('scenarios.notPriced')}
                        </span>
                      ) : (
                        <CompleteBadge complete={row.complete} />
                      )}
                    </td>

                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {deleting.value && (
        <ConfirmDialog
          title={t('scenarios.deleteTitle')}
          body={t('scenarios.deleteBody', { name: deleting.value.name })}
          confirm={t('common.delete')}
          onCancel={() => (deleting.value = null)}
          onConfirm={() => {
            const row = deleting.value!;
            deleting.value = null;
            void run(() => api.deleteScenario(row.id));
          }}
        />
      )}
    </>
  );
}
