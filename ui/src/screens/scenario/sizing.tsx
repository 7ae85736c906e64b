// The sizing reports of the products that have one: TCR editions by month, TCSS licensed
// cores against prepaid and postpaid, Image Search packages and their changes.

import type { QuoteView, TcssMonthView } from '../../api';
import { t } from '../../i18n';
import { formatDecimal, displayMoney, displayAmount, isZeroDecimal } from '../../format';
import { Section } from '../../components/layout';
import { packageName } from '../../components/common';
import { messageCodes, renderMessage } from '../../messages';

export function TcrEditionsSection({ quote: q }: { quote: QuoteView }) {
  if (!q.tcr || q.tcr.length === 0) return null;
  return (
    <Section title={t('scenario.tcrEditions')}>
      <div class="table-scroll">
        <table class="data-table compact" data-test="tcr-editions">
          <thead>
            <tr>
              <th>{t('scenario.month')}</th>
              <th>{t('scenario.edition')}</th>
              {q.tcr[0]!.options.map((o) => (
                <th class="num">{t(`editions.${o.edition}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.tcr.map((m) => (
              <tr>
                <td>{m.month}</td>
                <td>
                  {m.edition ? t(`editions.${m.edition}`) : <span class="over-text">{t('scenario.noEdition')}</span>}
                  {m.needs_ticket && <span class="badge badge-warning">{t('scenario.byTicket')}</span>}
                </td>
                {m.options.map((o) => (
                  <td
                    class="num"
                    title={o.shortfalls.map((s) => renderMessage(s.message)).join('\n')}
                    data-title-code={o.shortfalls.length > 0 ? messageCodes(o.shortfalls.map((s) => s.message)) : undefined}
                  >
                    {o.feasible ? (
                      o.cost ? displayAmount(o.cost) : '—'
                    ) : (
                      <span class="muted" data-code={o.shortfalls.map((s) => `tcr.requirement_names.${s.requirement}`).join(' ')}>
                        {o.shortfalls.map((s) => t(`messages.tcr.requirement_names.${s.requirement}`)).join(t('messages.list_separator'))}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function TcssSizingSection({ quote: q }: { quote: QuoteView }) {
  if (!q.tcss) return null;
  return (
    <Section title={t('scenario.tcssSizing')}>
      <table class="kv-table narrow" data-test="tcss-summary">
        <tbody>
          <tr>
            <th scope="row">{t('scenario.billing')}</th>
            <td>{t(`billing.${q.tcss.billing}`)}</td>
          </tr>
          <tr>
            <th scope="row">{t('scenario.tcssTotal')}</th>
            <td class="num">{q.tcss.total ? displayMoney(q.tcss.total, q.tcss.currency) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">{t('scenario.savingVsPrepaid')}</th>
            <td class="num">{q.tcss.saving_vs_prepaid ? displayMoney(q.tcss.saving_vs_prepaid, q.tcss.currency) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">{t('scenario.savingVsPostpaid')}</th>
            <td class="num">{q.tcss.saving_vs_postpaid ? displayMoney(q.tcss.saving_vs_postpaid, q.tcss.currency) : '—'}</td>
          </tr>
        </tbody>
      </table>
      <div class="table-scroll">
        <table class="data-table compact" data-test="tcss-months">
          <thead>
            <tr>
              <th>{t('scenario.month')}</th>
              <th class="num">{t('scenario.licensedCores')}</th>
              <th class="num">{t('scenario.maxCores')}</th>
              <th class="num">{t('scenario.breakEvenDays')}</th>
              <th class="num">{t('scenario.cost')}</th>
              <th class="num">{t('scenario.allPrepaid')}</th>
              <th class="num">{t('scenario.allPostpaid')}</th>
            </tr>
          </thead>
          <tbody>
            {q.tcss.months.map((m) => (
              <tr>
                <td>{m.month}</td>
                <td class="num">
                  {formatDecimal(m.licensed)}
                  {isZeroDecimal(m.licensed) && (
                    <span class="sub-figure wrap" data-test="zero-licence-reason">
                      {zeroLicenceReason(q.tcss!.billing, m)}
                    </span>
                  )}
                </td>
                <td class="num">{formatDecimal(m.max_cores)}</td>
                <td class="num">{m.break_even_days ? formatDecimal(m.break_even_days) : '—'}</td>
                <td class="num">{m.cost ? displayAmount(m.cost) : '—'}</td>
                <td class="num">{m.all_prepaid ? displayAmount(m.all_prepaid) : '—'}</td>
                <td class="num">{m.all_postpaid ? displayAmount(m.all_postpaid) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function PackagesSection({ quote: q }: { quote: QuoteView }) {
  if (!q.image_search) return null;
  return (
    <Section title={t('scenario.packages')}>
      {q.image_search.changes.length > 0 ? (
        <table class="data-table" data-test="package-changes">
          <thead>
            <tr>
              <th>{t('scenario.month')}</th>
              <th>{t('scenario.change')}</th>
              <th>{t('scenario.from')}</th>
              <th>{t('scenario.to')}</th>
              <th class="num">{t('scenario.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {q.image_search.changes.map((c) => (
              <tr>
                <td>{c.month}</td>
                <td>{t(`scenario.${c.kind}`)}</td>
                <td data-verbatim={c.from === packageName(c.from) ? '' : undefined}>{packageName(c.from)}</td>
                <td data-verbatim={c.to === packageName(c.to) ? '' : undefined}>{packageName(c.to)}</td>
                <td class="num">{displayMoney(c.amount, c.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('scenario.noPackageChanges')}</p>
      )}
      <div class="table-scroll">
        <table class="data-table compact" data-test="package-months">
          <thead>
            <tr>
              <th>{t('scenario.month')}</th>
              <th>{t('scenario.package')}</th>
              <th class="num">{t('scenario.images')}</th>
              <th class="num">{t('scenario.qps')}</th>
            </tr>
          </thead>
          <tbody>
            {q.image_search.months.map((m) => (
              <tr>
                <td>{m.month}</td>
                <td>{m.package ? <span data-package={m.package}>{packageName(m.package)}</span> : <span class="over-text">{t('scenario.noPackage')}</span>}</td>
                <td class="num">{formatDecimal(m.images)}</td>
                <td class="num">{formatDecimal(m.qps)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** Why a month has no licensed cores: none run, postpaid was chosen, or it is cheaper. */
function zeroLicenceReason(billing: string, m: TcssMonthView): string {
  if (isZeroDecimal(m.max_cores)) return t('scenario.zeroLicence.noCores');
  if (billing === 'postpaid') return t('scenario.zeroLicence.postpaid');
  return m.break_even_days
    ? t('scenario.zeroLicence.cheaper', { days: formatDecimal(m.break_even_days) })
    : t('scenario.zeroLicence.cheaperPlain');
}

