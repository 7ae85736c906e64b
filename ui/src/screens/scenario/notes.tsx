// The quote's notes: assumptions and warnings, in the UI's language (the stable code is the
// `data-code` of the message's element).

import type { QuoteView } from '../../api';
import { t } from '../../i18n';
import { Section } from '../../components/layout';
import { productName } from '../../components/common';
import { renderMessage } from '../../messages';

export function NotesSection({ quote: q }: { quote: QuoteView }) {
  if (q.notes.length === 0) return null;
  return (
    <Section title={t('scenario.notes')}>
      <ul class="notes" data-test="notes">
        {q.notes.map((n) => (
          <li>
            {n.product && <strong>{productName(n.product)}: </strong>}
            <span data-code={n.message.code}>{renderMessage(n.message)}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
