// The other plans of each product with their totals, the current and the recommended one.

import type { ComparisonView } from '../../api';
import { t } from '../../i18n';
import { displayMoney } from '../../format';
import { Section } from '../../components/layout';
import { productName } from '../../components/common';
import { messageCodes, renderMessage, renderMessages } from '../../messages';

export function AlternativesSection({ alternatives }: { alternatives: ComparisonView | null }) {
  if (!alternatives || alternatives.products.length === 0) return null;
  return (
    <Section title={t('scenario.alternatives')}>
      {alternatives.products.map((p) => (
        <div class="sub-section" data-test="alternatives" data-product={p.product}>
          <h3 class="card-subtitle">{productName(p.product)}</h3>
          <table class="data-table alt-table">
            <thead>
              <tr>
                <th>{t('scenario.plan')}</th>
                <th class="num">{t('scenario.total')}</th>
                <th>{t('scenario.assessment')}</th>
              </tr>
            </thead>
            <tbody>
              {p.alternatives.map((a) => (
                <tr class={a.recommended ? 'recommended' : ''} data-test="alternative" data-plan={a.plan}>
                  <td>
                    <span data-code={a.label.code}>{renderMessage(a.label)}</span>
                    {a.current && <span class="badge badge-neutral">{t('scenario.current')}</span>}
                    {a.recommended && <span class="badge badge-ok">{t('scenario.recommended')}</span>}
                  </td>
                  <td class="num" title={a.total && !a.complete ? t('scenario.knownPart') : undefined}>
                    {a.total ? `${a.complete ? '' : '≥ '}${displayMoney(a.total, a.currency)}` : '—'}
                  </td>
                  <td>
                    {!a.feasible && <span class="over-text">{t('scenario.infeasible')} </span>}
                    {a.feasible && !a.complete && (
                      <span class="warning-text">{a.recommended ? t('scenario.onWhatIsKnown') : t('common.incomplete')} </span>
                    )}
                    {a.reasons.length > 0 && <span data-code={messageCodes(a.reasons)}>{renderMessages(a.reasons)}</span>}
                    {a.recommended && a.current && <span class="ok-text">{t('scenario.alreadyBest')}</span>}
                    {a.recommended && !a.current && a.saving && !/^-?0*\.?0*$/.test(a.saving) && (
                      <span class="ok-text"> {t('scenario.saving', { amount: displayMoney(a.saving, a.currency) })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </Section>
  );
}
