// The live side panel: the quote of the scenario in the wizard, updated as it changes.

import { t } from '../i18n';
import { displayMoney, displayAmount } from '../format';
import { liveBudgetNames, livePending, livePreview, liveError, liveShownErrors } from '../wizard/live';
import { Chart, CompleteBadge } from './common';
import { ErrorNotice } from './error-notice';

export function LivePanel() {
  const preview = livePreview.value;
  return (
    <div class="panel-body" data-test="live-panel" aria-live="polite">
      <h2 class="panel-title">
        {t('panel.title')}
        {livePending.value && <span class="spinner small" aria-label={t('common.loading')} />}
      </h2>
      {liveError.value && <ErrorNotice error={liveError.value} />}
      {!preview && !liveError.value && <p class="muted">{t('panel.empty')}</p>}
      {preview && !preview.ok && liveShownErrors.value.length > 0 && (
        <div class="notice notice-warning" data-test="live-invalid">
          <strong>{t('panel.invalid', { count: liveShownErrors.value.length })}</strong>
          <ul class="plain-list">
            {liveShownErrors.value.slice(0, 5).map((e) => (
              <li data-path={e.path}>{e.text}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && !preview.ok && liveShownErrors.value.length === 0 && (
        <p class="muted" data-test="live-incomplete">
          {t('panel.incomplete')}
        </p>
      )}
      {preview && preview.ok && preview.total && preview.currency && (
        <>
          <div class="panel-total">
            <span class="metric-label">{t('panel.total')}</span>
            <span class="metric-value num" data-test="live-total">
              {displayMoney(preview.total, preview.currency)}
            </span>
            <CompleteBadge complete={preview.complete} />
          </div>
          <Chart svg={preview.chart_svg} label={t('panel.chart')} names={liveBudgetNames.value} />
          <table class="data-table compact" data-test="live-months">
            <thead>
              <tr>
                <th>{t('scenario.month')}</th>
                <th class="num">{t('panel.monthTotal', { currency: preview.currency })}</th>
              </tr>
            </thead>
            <tbody>
              {preview.months.map((m) => (
                <tr>
                  <td>{m.month}</td>
                  <td class="num">{displayAmount(m.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
