import type { CommandError } from '../api';
import { t } from '../i18n';
import { renderMessage } from '../messages';

/**
 * Shows a failed command: a translated sentence chosen by its code, then the problem, in the
 * UI's language when Rust gave it as a message code, else as sent.
 */
export function ErrorNotice({ error }: { error: CommandError }) {
  return (
    <div class="notice notice-error" role="alert" data-test="error" data-code={error.code}>
      <strong>{t(`errors.${error.code}`)}</strong>
      {error.detail ? (
        <span class="muted" data-code={error.detail.code}>
          {renderMessage(error.detail)}
        </span>
      ) : (
        <span class="muted">{t('errors.details', { message: error.message })}</span>
      )}
    </div>
  );
}
