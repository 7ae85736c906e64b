// The banner above every screen when the database cannot be saved to: read-only, locked by
// another program (with "Try again"), or not open. Nothing shows while all is well.

import { signal } from '@preact/signals';
import { t } from '../i18n';
import { databaseStatus, retryDatabase } from '../database';

// Module state, not hooks: the shell's first frame is rendered without a Preact runtime by
// ui/tests/static-shell.test.ts. boot.tsx asks for the status once at start.
const retrying = signal(false);

export function DatabaseBanner() {
  const status = databaseStatus.value;
  if (!status || status.state === 'ready') return null;
  const retry = async () => {
    retrying.value = true;
    try {
      await retryDatabase();
    } catch {
      // The status stays as it was; the banner still offers the retry.
    } finally {
      retrying.value = false;
    }
  };
  return (
    <div class="notice notice-warning database-banner" role="alert" data-test="database-banner" data-state={status.state}>
      <strong>{t(`database.${status.state}.title`)}</strong>
      <span>{t(`database.${status.state}.body`)}</span>
      {status.reason && (
        <span class="muted" data-test="database-reason">
          {t('errors.details', { message: status.reason })}
        </span>
      )}
      {status.can_retry && (
        <div>
          <button type="button" class="button secondary small" disabled={retrying.value} onClick={() => void retry()} data-test="database-retry">
            {retrying.value ? t('database.retrying') : t('database.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
