// The quote's notes: assumptions and warnings, in the UI's language (the stable code is the
// item's `data-code`).

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
          <li data-code={n.message.code}>
            {n.product && <strong>{productName(n.product)}: </strong>}
            {renderMessage(n.message)}
          </li>
        ))}
      </ul>
    </Section>
  );
}
