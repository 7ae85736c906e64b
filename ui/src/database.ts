// Whether the local database can be saved to, from the `database_status` command: read-only
// (the file or its folder cannot be written), locked by another program, or not open at all.
// The app shell shows a banner (components/database-banner.tsx); every control that saves
// takes `savingBlocked()`, so it is disabled with the reason instead of failing.

import { signal } from '@preact/signals';
import { api, type DatabaseStatus } from './api';
import { t } from './i18n';

/** The last status reported; `null` until the first answer (saving is then assumed to work). */
export const databaseStatus = signal<DatabaseStatus | null>(null);

/** Asks for the status once the database is open (the command waits for the open). */
export async function refreshDatabaseStatus(): Promise<void> {
  const arrived = api.arrivedDatabaseStatus();
  if (arrived) {
    databaseStatus.value = arrived;
    return;
  }
  try {
    databaseStatus.value = await api.databaseStatus();
  } catch {
    // The commands themselves report a database that cannot be used.
  }
}

/** "Try again" after another program's lock; the new status replaces the old one. */
export async function retryDatabase(): Promise<void> {
  databaseStatus.value = await api.retryDatabase();
}

/**
 * Props for a control that saves: while nothing can be saved it is disabled and its tooltip
 * says why. Spread them after the control's own `disabled`, or pass that as `busy`.
 */
export function savingBlocked(busy = false): { disabled: boolean; title?: string; 'data-save-blocked'?: string } {
  const status = databaseStatus.value;
  if (!status || status.state === 'ready') return { disabled: busy };
  return { disabled: true, title: t(`database.${status.state}.short`), 'data-save-blocked': status.state };
}
