// "Saved to …" beside the button that saved the file, with "Open folder" (the system's file
// manager, on the folder the user chose) and a way to dismiss it.

import { useSignal } from '@preact/signals';
import { api, CommandError } from '../api';
import { t } from '../i18n';
import { ErrorNotice } from './error-notice';

export function SavedNotice({ path, onClose }: { path: string; onClose: () => void }) {
  const error = useSignal<CommandError | null>(null);
  const open = async () => {
    error.value = null;
    try {
      await api.openSavedFolder(path);
    } catch (failure) {
      error.value = failure as CommandError;
    }
  };
  return (
    <div class="notice notice-info saved-notice" role="status" data-test="notice">
      <span class="saved-path">{t('scenario.exported', { path })}</span>
      <span class="notice-actions">
        <button type="button" class="button secondary small" onClick={() => void open()} data-test="open-folder">
          {t('common.openFolder')}
        </button>
        <button type="button" class="link-button" onClick={onClose} aria-label={t('common.dismiss')} data-test="dismiss-notice">
          ×
        </button>
      </span>
      {error.value && <ErrorNotice error={error.value} />}
    </div>
  );
}
