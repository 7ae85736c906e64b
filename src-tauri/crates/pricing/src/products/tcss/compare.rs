//! TCSS's alternatives: the sized licence, all prepaid, all postpaid, and the scenario's own
//! licence (rule TCSS-PRO-3).

use rust_decimal::Decimal;

use crate::alternative::{Alternative, LineTotal, Summary};
use crate::book::PriceBook;
use crate::ids::Product;
use crate::line::Note;
use crate::message::Message;

use super::lines::{self, Strategy, TcssInputs};
use super::spec::{TcssBilling, TcssSpec};

/// Every TCSS alternative of the scenario, in the report currency.
pub(crate) fn alternatives(
    spec: &TcssSpec,
    book: &PriceBook,
    sum: &Summary,
    scratch: &mut Vec<Note>,
) -> Vec<Alternative> {
    let h = &sum.horizon;
    let n = h.months as usize;
    let mut alts = Vec::new();
    let inputs = lines::tcss_inputs(h, book, spec);
    let mut alternative = |strategy: Strategy, key: &str, label: &str| {
        sum.alternative(
            Product::Tcss,
            key.into(),
            Message::new(label),
            || total(&inputs, spec, h.months, strategy, sum.factor),
            || {
                let mut lines = vec![Vec::new(); n];
                lines::price_tcss(h, spec, &inputs, strategy, scratch, &mut lines);
                lines
            },
        )
    };
    let strategies = [
        (Strategy::Optimal, "auto", "compare.tcss_auto"),
        (
            Strategy::AllPrepaid,
            "all_prepaid",
            "compare.tcss_all_prepaid",
        ),
        (
            Strategy::AllPostpaid,
            "all_postpaid",
            "compare.tcss_all_postpaid",
        ),
    ];
    for (strategy, key, label) in strategies {
        let mut alt = alternative(strategy, key, label);
        alt.current = matches!(
            (strategy, spec.billing),
            (Strategy::Optimal, TcssBilling::Auto) | (Strategy::AllPostpaid, TcssBilling::Postpaid)
        ) || (strategy == Strategy::AllPrepaid
            && spec.billing == TcssBilling::Prepaid
            && spec.licensed_cores.is_none()
            && spec.peak_cores.is_none());
        alts.push(alt);
    }
    if spec.billing == TcssBilling::Prepaid && !alts.iter().any(|a| a.current) {
        let mut alt = alternative(Strategy::Scenario, "prepaid", "compare.tcss_prepaid");
        alt.current = true;
        alts.push(alt);
    }
    alts
}

/// The total of the lines `price_tcss` writes under a strategy: the Pro lines of the licence
/// (rules TCSS-PRO-1…TCSS-PRO-4), then image scanning and log analysis; `None` when a line's
/// price is missing.
fn total(
    inputs: &TcssInputs<'_>,
    spec: &TcssSpec,
    months: u32,
    strategy: Strategy,
    factor: Decimal,
) -> Option<Decimal> {
    let levels = lines::licences(inputs, spec, months, strategy);
    let licensed = lines::licence_months(inputs, &levels);
    let mut total = LineTotal::new(factor);
    for (k, l) in licensed.iter().enumerate() {
        for charge in lines::month_charges(inputs, k, l, spec.elastic_cap)
            .iter()
            .flatten()
        {
            total.add(charge.amount()?);
        }
    }
    total.sum()
}
