// The live side panel: the quote of the scenario being edited, updated as it changes.
// Until the scenario view lands it explains itself and shows the budget status key.

import { t } from '../i18n';

export function QuotePanel() {
  return (
    <div class="panel-body">
      <h2 class="panel-title">{t('panel.title')}</h2>
      <p class="muted">{t('panel.empty')}</p>
      <h3 class="panel-subtitle">{t('panel.statusKey')}</h3>
      <ul class="status-key">
        <li>
          <span class="status status-ok">{t('panel.ok')}</span>
        </li>
        <li>
          <span class="status status-warning">{t('panel.warning')}</span>
        </li>
        <li>
          <span class="status status-over">{t('panel.over')}</span>
        </li>
      </ul>
    </div>
  );
}
