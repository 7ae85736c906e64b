import type { CommandError } from '../api';
import { t } from '../i18n';

/** Shows a failed command: a translated sentence chosen by its code, then the raw message. */
export function ErrorNotice({ error }: { error: CommandError }) {
  return (
    <div class="notice notice-error" role="alert" data-test="error" data-code={error.code}>
      <strong>{t(`errors.${error.code}`)}</strong>
      <span class="muted">{t('errors.details', { message: error.message })}</span>
    </div>
  );
}
