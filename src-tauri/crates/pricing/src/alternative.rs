//! One alternative of a product and how its total is made, shared by every product's
//! comparison (`products/*/compare.rs`) and the comparison of a whole scenario (`compare`).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::horizon::Horizon;
use crate::ids::Product;
use crate::line::Line;
use crate::message::Message;
use crate::money::Currency;
use crate::overflow::Overflow;

/// One way to buy a product for the whole scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    pub product: Product,
    /// Machine key: `standard/payg`, `auto`, `5000000/10`, `all_prepaid` …
    pub plan: String,
    /// How a person says it.
    pub label: Message,
    /// Total over the scenario in the report currency: of the priced lines only when it is
    /// not `complete` (a lower bound); `None` when infeasible or too large to compute.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total: Option<Decimal>,
    pub currency: Currency,
    /// Every month is feasible.
    pub feasible: bool,
    /// Every price is known.
    pub complete: bool,
    /// Why it is infeasible or incomplete: the first month and the requirements it fails.
    pub reasons: Vec<Message>,
    /// This is what the scenario uses now.
    pub current: bool,
    /// The cheapest feasible, complete alternative; when none is complete, the cheapest
    /// feasible one on what is known (`complete` is then false, and `reasons` say what is not).
    pub recommended: bool,
    /// What choosing this instead of the current choice saves (positive) or costs (negative).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub saving: Option<Decimal>,
    /// Its total was found by writing its lines (to name what is missing or infeasible), not
    /// from its amounts alone.
    #[serde(skip)]
    pub from_lines: bool,
}

/// A sum of line amounts in the report currency, added as the comparison adds lines: each
/// amount × the site's conversion factor (rule GEN-8, `money::convert`), in line order.
/// Checked: a sum beyond what a decimal holds has no total.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineTotal {
    factor: Decimal,
    sum: Decimal,
    /// An amount or the sum went beyond what a decimal holds.
    overflowed: bool,
}

impl LineTotal {
    pub(crate) fn new(factor: Decimal) -> LineTotal {
        LineTotal {
            factor,
            sum: Decimal::ZERO,
            overflowed: false,
        }
    }

    /// Converts the amounts added from now on at `factor`: a month's own rate (rule GEN-8).
    pub(crate) fn set_factor(&mut self, factor: Decimal) {
        self.factor = factor;
    }

    /// Adds a line's amount in its site currency.
    pub(crate) fn add(&mut self, amount: Decimal) {
        match crate::money::convert(amount, self.factor).and_then(|c| self.sum.checked_add(c)) {
            Some(sum) => self.sum = sum,
            None => self.overflowed = true,
        }
    }

    /// The sum; `None` when it is beyond what a decimal holds.
    pub(crate) fn sum(&self) -> Option<Decimal> {
        (!self.overflowed).then_some(self.sum)
    }
}

/// "2027-03: …": what a month says about an alternative.
pub(crate) fn reason(h: &Horizon, k: usize, message: Message) -> Message {
    Message::new("compare.reason")
        .text("month", h.start.plus(k as u32))
        .msg("message", message)
}

pub(crate) fn summarise(
    product: Product,
    plan: String,
    label: Message,
    lines: &[Vec<Line>],
    factors: &[Decimal],
    h: &Horizon,
    currency: Currency,
) -> Alternative {
    let mut total = LineTotal::new(Decimal::ONE);
    let mut feasible = true;
    let mut complete = true;
    let mut reasons = Vec::new();
    let mut too_large = false;
    for (k, month_lines) in lines.iter().enumerate() {
        total.set_factor(factors.get(k).copied().unwrap_or(Decimal::ONE));
        for l in month_lines {
            match l.amount {
                Some(a) => total.add(a),
                None if !l.infeasible => complete = false,
                None => {}
            }
            // An amount or a sum beyond what a decimal holds: the alternative has no total,
            // and says where (`overflow::Overflow`).
            if !too_large && (l.overflowed() || total.sum().is_none()) {
                too_large = true;
                complete = false;
                let month = h.start.plus(k as u32);
                reasons.push(Overflow::new(l.field(), Some(month)).message());
            }
            if l.infeasible {
                if feasible {
                    let why = l
                        .note
                        .clone()
                        .unwrap_or_else(|| Message::new("tcr.no_edition_fits"));
                    reasons.push(reason(h, k, why));
                }
                feasible = false;
            } else if l.price_missing || l.custom_quote {
                if complete_reason_missing(&reasons) {
                    let why = l
                        .note
                        .clone()
                        .unwrap_or_else(|| Message::new("compare.no_price").text("item", l.item));
                    reasons.push(reason(h, k, why));
                }
                complete = false;
            }
        }
    }
    Alternative {
        product,
        plan,
        label,
        // What is known: an incomplete alternative keeps the sum of its priced lines, so it can
        // still be compared; `complete` and `reasons` say what is not known.
        total: total.sum().filter(|_| feasible && !too_large),
        currency,
        feasible,
        complete,
        reasons,
        current: false,
        recommended: false,
        saving: None,
        from_lines: true,
    }
}

fn complete_reason_missing(reasons: &[Message]) -> bool {
    reasons.len() < 2
}

/// How the comparison totals an alternative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Totals {
    /// From the amounts its lines would have (module `totals`) when every line is priced and
    /// feasible; from its written lines otherwise, so the reasons can name what is missing.
    Amounts,
    /// Always from its written lines: the straightforward way, which tests compare against.
    #[cfg_attr(not(test), allow(dead_code))]
    Lines,
}

/// Makes the alternatives of one product in the report currency.
pub(crate) struct Summary {
    pub(crate) horizon: Horizon,
    /// The report currency.
    pub(crate) currency: Currency,
    /// From the product's site currency to the report currency, the same every month (rule
    /// GEN-8). When months convert at different rates, alternatives are totalled from their
    /// lines, month by month ([`Summary::factors`]).
    pub(crate) factor: Decimal,
    /// Each month's factor from the site currency to the report currency (rule GEN-8).
    pub(crate) factors: Vec<Decimal>,
    pub(crate) totals: Totals,
}

impl Summary {
    /// The summary of a product priced in `site` currency, each month converted at the rate
    /// in force on its price date (rule GEN-8). A scenario whose months convert at different
    /// rates totals its alternatives from their lines.
    pub(crate) fn new(
        horizon: Horizon,
        currency: Currency,
        site: Currency,
        rates: &[crate::money::Rate],
        totals: Totals,
    ) -> Summary {
        let factors: Vec<Decimal> = (0..horizon.months)
            .map(|k| {
                crate::money::conversion_on(rates, site, currency, horizon.price_date_of(k))
                    .map_or(Decimal::ONE, |c| c.factor)
            })
            .collect();
        let factor = factors.first().copied().unwrap_or(Decimal::ONE);
        let uniform = factors.iter().all(|f| *f == factor);
        Summary {
            horizon,
            currency,
            factor,
            factors,
            totals: if uniform { totals } else { Totals::Lines },
        }
    }
}

impl Summary {
    /// An alternative from `total` when it has one (every line priced and feasible), else from
    /// its `lines`.
    pub(crate) fn alternative(
        &self,
        product: Product,
        plan: String,
        label: Message,
        total: impl FnOnce() -> Option<Decimal>,
        lines: impl FnOnce() -> Vec<Vec<Line>>,
    ) -> Alternative {
        let total = match self.totals {
            Totals::Amounts => total(),
            Totals::Lines => None,
        };
        match total {
            Some(total) => Alternative {
                product,
                plan,
                label,
                total: Some(total),
                currency: self.currency,
                feasible: true,
                complete: true,
                reasons: Vec::new(),
                current: false,
                recommended: false,
                saving: None,
                from_lines: false,
            },
            None => summarise(
                product,
                plan,
                label,
                &lines(),
                &self.factors,
                &self.horizon,
                self.currency,
            ),
        }
    }
}
