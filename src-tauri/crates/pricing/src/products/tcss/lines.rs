//! TCSS month by month: usage, the licence under each strategy, and the Pro, scanning and log
//! lines (rules TCSS-PRO-1…TCSS-PRO-6, TCSS-SCAN-1…TCSS-SCAN-4, TCSS-LOG-1, TCSS-T-1).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use super::rules::{self as tcss, LicenceMonth, MonthUsage, ProPrices};
use super::spec::{ImageScan, TcssBilling, TcssSpec};
use crate::book::{MonthByMonth, PriceBook, PriceEntry};
use crate::calendar::YearMonth;
use crate::horizon::Horizon;
use crate::ids::{PriceItem, Product, Site};
use crate::line::{note, Line, Note};
use crate::message::Message;
use crate::read::FieldError;

/// TCSS licence sizing in one month (rule TCSS-PRO-3), in the site currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TcssMonth {
    pub month: YearMonth,
    #[serde(with = "rust_decimal::serde::str")]
    pub licensed: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub max_cores: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub break_even_days: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub cost: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub all_prepaid: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub all_postpaid: Option<Decimal>,
}

/// TCSS over the scenario: the Pro part of the chosen billing against all-prepaid and
/// all-postpaid (rule TCSS-PRO-3), in the site currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TcssSummary {
    pub site: Site,
    pub billing: &'static str,
    pub months: Vec<TcssMonth>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub all_prepaid: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub all_postpaid: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub saving_vs_prepaid: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub saving_vs_postpaid: Option<Decimal>,
}

/// Checks that need the price book: the elastic cap minimum in force (rule TCSS-PRO-5).
pub(crate) fn check_against_book(
    t: &TcssSpec,
    h: &Horizon,
    book: &PriceBook,
    errors: &mut Vec<FieldError>,
) {
    let Some(cap) = t.elastic_cap else { return };
    let mut minimum = MonthByMonth::new(book, Product::Tcss, t.site, PriceItem::ElasticCapMin);
    for k in 0..h.months {
        let date = h.price_date_of(k);
        if let Some(min) = minimum.on(date) {
            if cap < min.amount {
                errors.push(FieldError::coded(
                    "tcss.elastic_cap",
                    Message::new("field.elastic_cap_min")
                        .num("min", min.amount)
                        .text("from", min.effective_from.to_string())
                        .text("site", t.site.key())
                        .text("source", min.source.as_str())
                        .num("got", cap),
                ));
                break;
            }
        }
    }
}

/// Prices TCSS as the scenario says (its billing and licence), appending each month's lines.
pub(crate) fn price(
    h: &Horizon,
    book: &PriceBook,
    spec: &TcssSpec,
    notes: &mut Vec<Note>,
    out: &mut [Vec<Line>],
) -> TcssSummary {
    let inputs = tcss_inputs(h, book, spec);
    price_tcss(h, spec, &inputs, Strategy::Scenario, notes, out)
}

/// How the TCSS licence is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strategy {
    /// What the scenario says (`billing`, `licensed_cores`).
    Scenario,
    /// Licence the most cores in use every month (no overage).
    AllPrepaid,
    /// No licence: everything postpaid.
    AllPostpaid,
    /// The cost-minimising licence (`billing = auto`).
    Optimal,
}

/// What every TCSS strategy is priced from: each month's usage, Pro prices and entries, and
/// the purchases that do not depend on the licence (image scanning, log analysis). Quoting
/// needs one strategy; the comparison prices three from the same inputs.
pub(crate) struct TcssInputs<'b> {
    pub(crate) usage: Vec<MonthUsage>,
    prices: Vec<Option<ProPrices>>,
    /// The `pro_prepaid` and `pro_postpaid` entries of each month.
    pub(crate) entries: Vec<(Option<&'b PriceEntry>, Option<&'b PriceEntry>)>,
    pub(crate) scans: Vec<Option<ScanBuy<'b>>>,
    pub(crate) logs: Vec<Option<LogBuy<'b>>>,
    /// The months every licence bought is committed for: 1 (month by month, tencent-intl) or
    /// 3 (tencent-cn), rules TCSS-PRO-1 and TCSS-PRO-3.
    pub(crate) term: usize,
}

/// The image scanning one month buys, before its line is written (rules TCSS-SCAN-1…4).
#[derive(Debug, Clone, Copy)]
pub(crate) enum ScanBuy<'b> {
    /// Quota model: `bought` quota for the `used` quota of `first` and `repeat` scans.
    Quota {
        first: Decimal,
        repeat: Decimal,
        bought: Decimal,
        used: Decimal,
        price: Option<&'b PriceEntry>,
    },
    /// The quota model is not sold at the site on the date: the scans have no price.
    QuotaNotSold { scans: Decimal },
    /// Per-image authorizations: one per new image and per update (rule TCSS-SCAN-1).
    PerImage {
        new_images: Decimal,
        updates: Decimal,
        count: Decimal,
        price: Option<&'b PriceEntry>,
    },
}

impl ScanBuy<'_> {
    /// The amount of the month's scan line; `None` when its price is missing.
    pub(crate) fn amount(&self) -> Option<Decimal> {
        match *self {
            ScanBuy::Quota { bought, price, .. } => {
                price.and_then(|p| bought.checked_mul(p.amount))
            }
            ScanBuy::QuotaNotSold { .. } => None,
            ScanBuy::PerImage { count, price, .. } => {
                price.and_then(|p| count.checked_mul(p.amount))
            }
        }
    }
}

/// The log-analysis capacity one month buys (rule TCSS-LOG-1).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LogBuy<'b> {
    need: Decimal,
    capacity: Decimal,
    price: Option<&'b PriceEntry>,
}

impl LogBuy<'_> {
    /// The amount of the month's log line; `None` when its price is missing.
    pub(crate) fn amount(&self) -> Option<Decimal> {
        self.price.and_then(|p| self.capacity.checked_mul(p.amount))
    }
}

pub(crate) fn tcss_inputs<'b>(h: &Horizon, book: &'b PriceBook, spec: &TcssSpec) -> TcssInputs<'b> {
    let months = h.months;
    let cores = spec.cores.series(months, true).unwrap_or_default();
    let zero = vec![Decimal::ZERO; months as usize];
    let peak = spec
        .peak_cores
        .as_ref()
        .and_then(|q| q.series(months, true).ok())
        .unwrap_or_else(|| zero.clone());
    let peak_days = spec
        .peak_days
        .as_ref()
        .and_then(|q| q.series(months, true).ok())
        .unwrap_or(zero);
    let mut usage = Vec::new();
    let mut prices = Vec::new();
    let mut entries = Vec::new();
    let mut prepaid_price =
        MonthByMonth::new(book, Product::Tcss, spec.site, PriceItem::ProPrepaid);
    let mut daily_price = MonthByMonth::new(book, Product::Tcss, spec.site, PriceItem::ProPostpaid);
    for (k, month) in h.month_list().enumerate() {
        let date = h.price_date_of(k as u32);
        // rule TCSS-T-1: the trial makes the first 7 days of the first month free.
        let free_days = if spec.trial && k == 0 {
            let trial_days = book
                .limit(Product::Tcss, spec.site, PriceItem::TrialDays, date)
                .map(|e| e.amount)
                .unwrap_or(Decimal::ZERO);
            trial_days.to_string().parse().unwrap_or(0u32)
        } else {
            0
        };
        usage.push(MonthUsage {
            days: month.days(),
            cores: cores[k],
            peak_cores: peak[k],
            peak_days: whole_days(peak_days[k]).min(month.days()),
            free_days: free_days.min(month.days()),
        });
        let prepaid = prepaid_price.on(date);
        let daily = daily_price.on(date);
        prices.push(prepaid.zip(daily).map(|(p, d)| ProPrices {
            prepaid: p.amount,
            daily: d.amount,
        }));
        entries.push((prepaid, daily));
    }
    // rule TCSS-PRO-1 / TCSS-PRO-3: on tencent-cn a licence bought is committed for 3 months.
    let term = book
        .limit(
            Product::Tcss,
            spec.site,
            PriceItem::ProPrepaidMinMonths,
            h.price_date_of(0),
        )
        .and_then(|e| e.amount.to_string().parse().ok())
        .unwrap_or(1usize)
        .max(1);
    TcssInputs {
        usage,
        prices,
        entries,
        scans: scan_buys(h, book, spec),
        logs: log_buys(h, book, spec),
        term: tcss::commitment_term(term),
    }
}

/// A day count from a count series: series values are whole and normalised (rule GEN-7), so
/// this is the number as written; one too large for a day count reads as 0, as when it was
/// parsed from its text.
fn whole_days(count: Decimal) -> u32 {
    if count.scale() == 0 {
        count.to_u32().unwrap_or(0)
    } else {
        count.to_string().parse().unwrap_or(0)
    }
}

/// The answer for the last inputs, given again when a month repeats them exactly (bit for bit,
/// so `5` and `5.0` are different inputs). Usage is often the same month after month, and the
/// answers kept this way divide decimals, which is slow.
struct Repeat<K, V> {
    last: Option<(K, V)>,
}

impl<K, V> Default for Repeat<K, V> {
    fn default() -> Self {
        Repeat { last: None }
    }
}

impl<K: PartialEq, V: Copy> Repeat<K, V> {
    fn get(&mut self, inputs: K, answer: impl FnOnce() -> V) -> V {
        match &self.last {
            Some((last, value)) if *last == inputs => *value,
            _ => {
                let value = answer();
                self.last = Some((inputs, value));
                value
            }
        }
    }
}

/// The image scanning of each month; `None` in a month that buys none.
fn scan_buys<'b>(h: &Horizon, book: &'b PriceBook, spec: &TcssSpec) -> Vec<Option<ScanBuy<'b>>> {
    let n = h.months;
    let limit = |item| MonthByMonth::new(book, Product::Tcss, spec.site, item);
    let date = |k: usize| h.price_date_of(k as u32);
    match &spec.image_scan {
        None => vec![None; n as usize],
        Some(ImageScan::Quota {
            first_scans,
            repeat_scans,
        }) => {
            let first = first_scans.series(n, true).unwrap_or_default();
            let repeat = repeat_scans.series(n, true).unwrap_or_default();
            let mut quota = Repeat::default();
            let mut weight = limit(PriceItem::ImageScanRepeatWeight);
            let mut step = limit(PriceItem::ImageScanStep);
            let mut price = limit(PriceItem::ImageScanQuota);
            (0..n as usize)
                .map(|k| {
                    if first[k].is_zero() && repeat[k].is_zero() {
                        return None;
                    }
                    let weight = weight.on(date(k)).map(|e| e.amount);
                    let step = step.on(date(k)).map(|e| e.amount);
                    let price = price.on(date(k));
                    Some(match weight.zip(step) {
                        Some((w, s)) => {
                            let inputs = [first[k], repeat[k], w, s].map(|d| d.serialize());
                            let (bought, used) =
                                quota.get(inputs, || tcss::scan_quota(first[k], repeat[k], w, s));
                            ScanBuy::Quota {
                                first: first[k],
                                repeat: repeat[k],
                                bought,
                                used,
                                price,
                            }
                        }
                        None => ScanBuy::QuotaNotSold {
                            scans: first[k] + repeat[k],
                        },
                    })
                })
                .collect()
        }
        Some(ImageScan::PerImage { images, updates }) => {
            let images = images.series(n, true).unwrap_or_default();
            let updates = updates.series(n, true).unwrap_or_default();
            let mut seen_images = Decimal::ZERO;
            let mut price = limit(PriceItem::ImageScanAuth);
            (0..n as usize)
                .map(|k| {
                    // rule TCSS-SCAN-1: one authorization per new image ID, bought in that month.
                    let new_images = (images[k] - seen_images).max(Decimal::ZERO);
                    seen_images = seen_images.max(images[k]);
                    let count = tcss::authorizations(new_images, updates[k]);
                    (!count.is_zero()).then(|| ScanBuy::PerImage {
                        new_images,
                        updates: updates[k],
                        count,
                        price: price.on(date(k)),
                    })
                })
                .collect()
        }
    }
}

/// The log-analysis capacity of each month; `None` in a month that needs none.
fn log_buys<'b>(h: &Horizon, book: &'b PriceBook, spec: &TcssSpec) -> Vec<Option<LogBuy<'b>>> {
    let log_series = spec
        .log_gb
        .as_ref()
        .and_then(|q| q.series(h.months, false).ok());
    let limit = |item| MonthByMonth::new(book, Product::Tcss, spec.site, item);
    let mut sized = Repeat::default();
    let (mut min, mut step, mut price) = (
        limit(PriceItem::LogAnalysisMinGb),
        limit(PriceItem::LogAnalysisStepGb),
        limit(PriceItem::LogAnalysis),
    );
    (0..h.months as usize)
        .map(|k| {
            let need = log_series.as_ref().map(|s| s[k]).filter(|n| !n.is_zero())?;
            let date = h.price_date_of(k as u32);
            // rule TCSS-LOG-1: log analysis from 10 GB in steps of 10 GB.
            let min = min.on(date).map(|e| e.amount);
            let step = step.on(date).map(|e| e.amount);
            let capacity = match min.zip(step) {
                Some((mn, st)) => {
                    let inputs = [need, mn, st].map(|d| d.serialize());
                    sized.get(inputs, || tcss::log_capacity(need, mn, st))
                }
                None => need,
            };
            Some(LogBuy {
                need,
                capacity,
                price: price.on(date),
            })
        })
        .collect()
}

/// The licence per month under a strategy.
pub(crate) fn licences(
    inputs: &TcssInputs,
    spec: &TcssSpec,
    months: u32,
    strategy: Strategy,
) -> Vec<Decimal> {
    let n = months as usize;
    let strategy = match (strategy, spec.billing) {
        (Strategy::Scenario, TcssBilling::Auto) => Strategy::Optimal,
        (Strategy::Scenario, TcssBilling::Postpaid) => Strategy::AllPostpaid,
        (s, _) => s,
    };
    let zero = vec![Decimal::ZERO; n];
    match strategy {
        Strategy::AllPostpaid => zero,
        Strategy::Scenario => {
            // billing = prepaid: the licence is licensed_cores (default: cores), held at the
            // cores still inside a commitment (rule TCSS-PRO-3).
            let q = spec.licensed_cores.as_ref().unwrap_or(&spec.cores);
            let targets = q.series(months, true).unwrap_or(zero);
            tcss::held_levels(&targets, inputs.term)
        }
        Strategy::AllPrepaid => {
            // The most cores in use each month, held likewise.
            let targets: Vec<Decimal> = inputs.usage.iter().map(MonthUsage::max_cores).collect();
            tcss::held_levels(&targets, inputs.term)
        }
        Strategy::Optimal if inputs.term == 1 => {
            // rule TCSS-PRO-3: minimise L × prepaid + overage(L) month by month; months
            // without prices stay unlicensed.
            (0..n)
                .map(|k| match inputs.prices[k] {
                    Some(p) => tcss::best_licence(&[(inputs.usage[k], p)], spec.elastic_cap),
                    None => Decimal::ZERO,
                })
                .collect()
        }
        Strategy::Optimal => {
            // rule TCSS-PRO-3: the cheapest licence path over the horizon under commitments.
            let months: Vec<tcss::SizingMonth> = inputs
                .usage
                .iter()
                .copied()
                .zip(inputs.prices.iter().copied())
                .collect();
            tcss::best_levels(&months, spec.elastic_cap, inputs.term)
        }
    }
}

/// A licence path broken into purchases, covered and renewed cores (rule TCSS-PRO-3). The
/// strategies' paths keep their commitments; one that did not would be priced month by month.
pub(crate) fn licence_months(inputs: &TcssInputs, levels: &[Decimal]) -> Vec<LicenceMonth> {
    tcss::licence_months(levels, inputs.term)
        .or_else(|| tcss::licence_months(levels, 1))
        .unwrap_or_default()
}

/// The Pro cost billed in each month under a licence path; `None` when a price is missing.
fn pro_costs(
    inputs: &TcssInputs,
    licence: &[LicenceMonth],
    cap: Option<Decimal>,
) -> Vec<Option<Decimal>> {
    licence
        .iter()
        .enumerate()
        .map(|(k, l)| {
            if inputs.term == 1 {
                return inputs.prices[k]
                    .map(|p| tcss::month_cost(&inputs.usage[k], p, l.level, cap));
            }
            month_charges(inputs, k, l, cap)
                .iter()
                .flatten()
                .filter(|c| !matches!(c, Charge::Scan(_) | Charge::Log(_)))
                .try_fold(Decimal::ZERO, |acc, c| acc.checked_add(c.amount()?))
        })
        .collect()
}

/// One line of a TCSS month before it is written: what it charges, without any text. The
/// comparison's totals are sums of these; the quote's lines are written from them.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Charge<'b> {
    /// The licence: licensed cores at the prepaid price per core-month (rules TCSS-PRO-1,
    /// TCSS-PRO-3).
    Licence {
        cores: Decimal,
        entry: Option<&'b PriceEntry>,
    },
    /// Cores added under a commitment (rule TCSS-PRO-3): `core_months` = term × cores, paid
    /// in full in the month of purchase.
    Commitment {
        cores: Decimal,
        core_months: Option<Decimal>,
        entry: Option<&'b PriceEntry>,
    },
    /// Cores bought in month `bought_in` and still inside their commitment: paid then, free
    /// now (rule TCSS-PRO-3).
    Covered {
        cores: Decimal,
        bought_in: usize,
        entry: Option<&'b PriceEntry>,
    },
    /// Cores past their commitment, renewed for this month alone (rule TCSS-PRO-3).
    Renewal {
        cores: Decimal,
        entry: Option<&'b PriceEntry>,
    },
    /// Cores above the licence, in core-days at the daily price (rule TCSS-PRO-4).
    Overage {
        core_days: Decimal,
        entry: Option<&'b PriceEntry>,
    },
    /// No licence: every core-day at the daily price (rule TCSS-PRO-2).
    Postpaid {
        core_days: Decimal,
        entry: Option<&'b PriceEntry>,
    },
    Scan(ScanBuy<'b>),
    Log(LogBuy<'b>),
}

impl Charge<'_> {
    /// The line's amount in the site currency; `None` when its price is missing (rule GEN-5).
    pub(crate) fn amount(&self) -> Option<Decimal> {
        match *self {
            Charge::Licence { cores, entry } | Charge::Renewal { cores, entry } => {
                entry.and_then(|e| cores.checked_mul(e.amount))
            }
            Charge::Commitment {
                core_months, entry, ..
            } => entry.and_then(|e| core_months?.checked_mul(e.amount)),
            Charge::Covered { entry, .. } => entry.map(|_| Decimal::ZERO),
            Charge::Overage { core_days, entry } | Charge::Postpaid { core_days, entry } => {
                entry.and_then(|e| core_days.checked_mul(e.amount))
            }
            Charge::Scan(scan) => scan.amount(),
            Charge::Log(log) => log.amount(),
        }
    }
}

/// The charges of month `k` under its licence, in line order: the one pricing of a TCSS
/// month (the licence: month by month, or on tencent-cn the purchase committed for 3 months,
/// the cores covered by earlier purchases and the renewal; overage or postpaid core-days;
/// image scanning; log analysis).
pub(crate) fn month_charges<'b>(
    inputs: &TcssInputs<'b>,
    k: usize,
    licence: &LicenceMonth,
    cap: Option<Decimal>,
) -> [Option<Charge<'b>>; 7] {
    let (prepaid, daily) = inputs.entries[k];
    let l = licence.level;
    let elastic = inputs.usage[k].elastic_core_days(l, cap);
    let mut charges = [None; 7];
    if inputs.term == 1 {
        if l > Decimal::ZERO {
            charges[0] = Some(Charge::Licence {
                cores: l,
                entry: prepaid,
            });
        }
    } else {
        // rule TCSS-PRO-3: what this month buys, what earlier purchases cover, what renews.
        if licence.bought > Decimal::ZERO {
            charges[0] = Some(Charge::Commitment {
                cores: licence.bought,
                core_months: Decimal::from(inputs.term).checked_mul(licence.bought),
                entry: prepaid,
            });
        }
        for (i, &cores) in licence.covered.iter().enumerate() {
            if cores > Decimal::ZERO && k > i {
                let bought_in = k - 1 - i;
                charges[1 + i] = Some(Charge::Covered {
                    cores,
                    bought_in,
                    entry: inputs.entries[bought_in].0,
                });
            }
        }
        if licence.renewed > Decimal::ZERO {
            charges[3] = Some(Charge::Renewal {
                cores: licence.renewed,
                entry: prepaid,
            });
        }
    }
    charges[4] = if l > Decimal::ZERO {
        (elastic > Decimal::ZERO).then_some(Charge::Overage {
            core_days: elastic,
            entry: daily,
        })
    } else {
        Some(Charge::Postpaid {
            core_days: elastic,
            entry: daily,
        })
    };
    charges[5] = inputs.scans[k].map(Charge::Scan);
    charges[6] = inputs.logs[k].map(Charge::Log);
    charges
}

/// Prices TCSS per month under a strategy, from [`tcss_inputs`], appending each month's lines
/// to `out[k]`.
pub(crate) fn price_tcss(
    h: &Horizon,
    spec: &TcssSpec,
    inputs: &TcssInputs<'_>,
    strategy: Strategy,
    notes: &mut Vec<Note>,
    out: &mut [Vec<Line>],
) -> TcssSummary {
    let cap = spec.elastic_cap;
    let licensed = licence_months(inputs, &licences(inputs, spec, h.months, strategy));
    let prepaid_plan = licence_months(
        inputs,
        &licences(inputs, spec, h.months, Strategy::AllPrepaid),
    );
    let postpaid_plan = licence_months(inputs, &vec![Decimal::ZERO; licensed.len()]);
    let chosen = pro_costs(inputs, &licensed, cap);
    let all_prepaid = pro_costs(inputs, &prepaid_plan, cap);
    let all_postpaid = pro_costs(inputs, &postpaid_plan, cap);
    let billing_key = match strategy {
        Strategy::Scenario => spec.billing.key(),
        Strategy::AllPrepaid => "prepaid",
        Strategy::AllPostpaid => "postpaid",
        Strategy::Optimal => "auto",
    };
    let currency = spec.site.currency();
    let mut months = Vec::new();
    let mut log_warned = false;
    let mut break_even = Repeat::default();
    for (k, month) in h.month_list().enumerate() {
        let date = h.price_date_of(k as u32);
        let usage = inputs.usage[k];
        let l = licensed[k].level;
        let trial_days = (usage.free_days > 0).then_some(usage.free_days);
        let scan_rule = if spec.site == Site::TencentCn {
            "TCSS-SCAN-4"
        } else {
            "TCSS-SCAN-2"
        };
        let pro_rule = if billing_key == "auto" {
            "TCSS-PRO-3"
        } else {
            "TCSS-PRO-1"
        };
        let months_of = |first: usize| {
            let last = first + inputs.term - 1;
            (h.start.plus(first as u32), h.start.plus(last as u32), last)
        };
        for charge in month_charges(inputs, k, &licensed[k], cap).iter().flatten() {
            let priced = |item, plan, quantity, unit, entry, rule| {
                Line::priced(
                    Product::Tcss,
                    item,
                    plan,
                    quantity,
                    unit,
                    entry,
                    rule,
                    currency,
                )
            };
            let line = match *charge {
                Charge::Licence { cores, entry } => {
                    let mut line = priced(
                        PriceItem::ProPrepaid,
                        billing_key,
                        cores,
                        "core-month",
                        entry,
                        pro_rule,
                    );
                    if let Some(days) = trial_days {
                        line.note = Some(
                            Message::new("tcss.trial_subscription")
                                .text("days", days)
                                .text("start_day", days + 1),
                        );
                    }
                    line
                }
                Charge::Commitment {
                    cores,
                    core_months,
                    entry,
                } => {
                    // rule TCSS-PRO-3: the months the commitment covers, and those past the end.
                    let (first, last, last_k) = months_of(k);
                    let mut note = Message::new("tcss.commitment")
                        .num("cores", cores)
                        .text("months", inputs.term)
                        .text("first", first)
                        .text("last", last);
                    let n = h.months as usize;
                    if last_k >= n {
                        note = note
                            .text("after", h.start.plus(h.months))
                            .flag("past_end_one", last_k == n)
                            .flag("past_end", last_k > n);
                    }
                    if let Some(days) = trial_days {
                        note = Message::new("tcss.trial_commitment")
                            .text("days", days)
                            .text("start_day", days + 1)
                            .msg("note", note);
                    }
                    let mut line = priced(
                        PriceItem::ProPrepaid,
                        billing_key,
                        core_months.unwrap_or(cores),
                        "core-month",
                        entry,
                        "TCSS-PRO-3",
                    )
                    .with_note(note);
                    if core_months.is_none() {
                        line.amount = None;
                    }
                    line
                }
                Charge::Covered {
                    cores,
                    bought_in,
                    entry,
                } => {
                    let (first, last, _) = months_of(bought_in);
                    priced(
                        PriceItem::ProPrepaid,
                        billing_key,
                        cores,
                        "core-month",
                        entry,
                        "TCSS-PRO-3",
                    )
                    .free(
                        Message::new("tcss.commitment_covered")
                            .num("cores", cores)
                            .text("bought", first)
                            .text("last", last),
                    )
                }
                Charge::Renewal { cores, entry } => priced(
                    PriceItem::ProPrepaid,
                    billing_key,
                    cores,
                    "core-month",
                    entry,
                    "TCSS-PRO-3",
                )
                .with_note(Message::new("tcss.renewal").text("months", inputs.term)),
                Charge::Overage { core_days, entry } => {
                    let rule = "TCSS-PRO-4";
                    priced(
                        PriceItem::Overage,
                        billing_key,
                        core_days,
                        "core-day",
                        entry,
                        rule,
                    )
                    .with_note(match cap {
                        Some(c) => Message::new("tcss.overage_capped")
                            .num("licensed", l)
                            .num("cap", c),
                        None => Message::new("tcss.overage").num("licensed", l),
                    })
                }
                Charge::Postpaid { core_days, entry } => {
                    let rule = "TCSS-PRO-2";
                    let mut line = priced(
                        PriceItem::ProPostpaid,
                        billing_key,
                        core_days,
                        "core-day",
                        entry,
                        rule,
                    );
                    line.note = match (trial_days, cap) {
                        (Some(days), _) => Some(Message::new("tcss.trial_days").text("days", days)),
                        (None, Some(c)) => Some(Message::new("tcss.postpaid_capped").num("cap", c)),
                        (None, None) => None,
                    };
                    line
                }
                // Image scanning (rules TCSS-SCAN-1…TCSS-SCAN-4).
                Charge::Scan(ScanBuy::Quota {
                    first,
                    repeat,
                    bought,
                    used,
                    price,
                }) => priced(
                    PriceItem::ImageScan,
                    "quota",
                    bought,
                    "quota-month",
                    price,
                    scan_rule,
                )
                .with_note(
                    Message::new("tcss.scan_quota")
                        .num("first", first)
                        .num("repeat", repeat)
                        .num("used", used.normalize())
                        .num("unused", (bought - used).normalize()),
                ),
                Charge::Scan(ScanBuy::QuotaNotSold { scans }) => priced(
                    PriceItem::ImageScan,
                    "quota",
                    scans,
                    "scan",
                    None,
                    scan_rule,
                )
                .with_note(
                    Message::new("tcss.scan_quota_not_sold")
                        .text("site", spec.site)
                        .text("date", date),
                ),
                Charge::Scan(ScanBuy::PerImage {
                    new_images,
                    updates,
                    count,
                    price,
                }) => {
                    let rule = "TCSS-SCAN-1";
                    priced(
                        PriceItem::ImageScan,
                        "per_image",
                        count,
                        "authorization",
                        price,
                        rule,
                    )
                    .with_note(if price.is_some() {
                        Message::new("tcss.scan_per_image")
                            .num("new_images", new_images)
                            .num("updates", updates)
                    } else {
                        Message::new("tcss.scan_per_image_paused")
                    })
                }
                // rule TCSS-LOG-1: log analysis from 10 GB in steps of 10 GB.
                Charge::Log(LogBuy {
                    need,
                    capacity,
                    price,
                }) => {
                    let rule = "TCSS-LOG-1";
                    let mut line = priced(
                        PriceItem::LogAnalysis,
                        "prepaid",
                        capacity,
                        "GB-month",
                        price,
                        rule,
                    );
                    if price.is_none() {
                        line.note = Some(Message::new("tcss.log_unpriced").text("site", spec.site));
                    } else if capacity > need {
                        line.note =
                            Some(Message::new("tcss.log_rounded").num("need", need.normalize()));
                    }
                    if !log_warned && strategy == Strategy::Scenario {
                        log_warned = true;
                        notes.push(note(Some(Product::Tcss), Message::new("tcss.log_full")));
                    }
                    line
                }
            };
            let mut line = line;
            if let (Some(days), Charge::Scan(_) | Charge::Log(_)) = (trial_days, charge) {
                // rule TCSS-T-1: add-ons are free in the trial week and their first paid term
                // starts on day 8, so the first month is charged in full for its whole need.
                let mut note = Message::new("tcss.trial_addon")
                    .text("days", days)
                    .text("start_day", days + 1);
                if let Some(inner) = line.note.take() {
                    note = note.msg("note", inner).flag("with_note", true);
                }
                line.note = Some(note);
            }
            out[k].push(line);
        }
        months.push(TcssMonth {
            month,
            licensed: l,
            max_cores: usage.max_cores(),
            break_even_days: inputs.prices[k].map(|p| {
                let prices = [p.prepaid, p.daily].map(|d| d.serialize());
                break_even.get(prices, || p.break_even_days())
            }),
            cost: chosen[k],
            all_prepaid: all_prepaid[k],
            all_postpaid: all_postpaid[k],
        });
    }
    let sum = |v: &[Option<Decimal>]| {
        v.iter()
            .try_fold(Decimal::ZERO, |acc, c| acc.checked_add((*c)?))
    };
    let total = sum(&chosen);
    let prepaid_total = sum(&all_prepaid);
    let postpaid_total = sum(&all_postpaid);
    if strategy == Strategy::Scenario {
        if let (Some(t), Some(pre), Some(post)) = (total, prepaid_total, postpaid_total) {
            let be = inputs
                .prices
                .iter()
                .flatten()
                .next()
                .map(|p| p.break_even_days().normalize().to_string())
                .unwrap_or_default();
            let first = &months[0];
            let cents = crate::money::cents_text;
            notes.push(note(
                Some(Product::Tcss),
                Message::new("tcss.sizing")
                    .text("billing", billing_key)
                    .num("licensed", first.licensed)
                    .text("month", first.month)
                    .text("break_even", be)
                    .text("total", cents(t))
                    .text("currency", currency)
                    .text("saving_prepaid", cents(pre - t))
                    .text("prepaid", cents(pre))
                    .text("saving_postpaid", cents(post - t))
                    .text("postpaid", cents(post)),
            ));
        }
        for code in ["tcss.counted_hosts", "tcss.lifecycle"] {
            notes.push(note(Some(Product::Tcss), Message::new(code)));
        }
        if spec.trial {
            // rule TCSS-T-1: the trial applies only where a source publishes one; elsewhere
            // (the China site has none) the quote says it was not applied.
            let first = h.price_date_of(0);
            let published = inputs.usage.first().is_some_and(|u| u.free_days > 0);
            notes.push(note(
                Some(Product::Tcss),
                if published {
                    Message::new("tcss.trial_once")
                } else {
                    Message::new("tcss.trial_unpublished")
                        .text("site", spec.site)
                        .text("date", first)
                },
            ));
        }
    }
    TcssSummary {
        site: spec.site,
        billing: billing_key,
        months,
        total,
        all_prepaid: prepaid_total,
        all_postpaid: postpaid_total,
        saving_vs_prepaid: total.zip(prepaid_total).map(|(t, p)| p - t),
        saving_vs_postpaid: total.zip(postpaid_total).map(|(t, p)| p - t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn repeat_gives_the_last_answer_only_for_the_same_bits() {
        let mut asked = 0;
        let mut repeat = Repeat::default();
        let mut get = |d: Decimal| {
            repeat.get([d.serialize()], || {
                asked += 1;
                d * dec!(2)
            })
        };
        assert_eq!(get(dec!(5)).to_string(), "10");
        assert_eq!(get(dec!(5)).to_string(), "10");
        // Equal in value, written differently: asked again, answered in its own scale.
        assert_eq!(get(dec!(5.0)).to_string(), "10.0");
        assert_eq!(get(dec!(5)).to_string(), "10");
        assert_eq!(asked, 3);
    }
}
