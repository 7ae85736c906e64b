//! What importing a bill into a scenario would change: each month and product of the bill,
//! converted into the scenario's currency (rule GEN-8), beside the actual spend stored now.
//! A month and product from a bill replaces the figure stored for it, so importing the same
//! bill twice changes nothing the second time.

use pricing::budget::Actual;
use pricing::money::{conversion_on, convert, MissingRate};
use pricing::{Currency, Message, Product, Scenario, YearMonth};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::BillSummary;

/// How a month and product of the bill compares with what is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Nothing is stored for it yet.
    New,
    /// Another figure is stored; the bill's replaces it.
    Replace,
    /// The stored figure is the bill's already.
    Same,
}

/// One month and product of an import.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub month: YearMonth,
    pub product: Product,
    pub kind: ChangeKind,
    /// What is stored now, in its own currency.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub before: Option<Decimal>,
    pub before_currency: Option<Currency>,
    /// The bill's figure in the scenario's currency: the sum of its rows, each currency
    /// converted at the month's rate (rule GEN-8).
    #[serde(with = "rust_decimal::serde::str")]
    pub after: Decimal,
    /// The bill's figure in its own currencies, before conversion.
    pub billed: Vec<(Currency, Decimal)>,
    /// Refunds and credits in `after`, in the scenario's currency.
    #[serde(with = "rust_decimal::serde::str")]
    pub credits: Decimal,
}

/// What an import would do to one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportPlan {
    pub currency: Currency,
    /// In month, then product order.
    pub changes: Vec<Change>,
    /// Months of the bill outside the scenario's months: not imported.
    pub outside_months: Vec<YearMonth>,
    /// Products in the bill that the scenario does not price: not imported.
    pub other_products: Vec<Product>,
}

impl ImportPlan {
    /// Months and products the import would write (new or replaced).
    pub fn writes(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.kind != ChangeKind::Same)
    }
}

/// Why an import cannot be planned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error(transparent)]
    MissingRate(#[from] MissingRate),
    #[error("the total of {product} in {month} is too large to compute")]
    TooLarge { month: YearMonth, product: Product },
}

impl PlanError {
    pub fn message(&self) -> Message {
        match self {
            PlanError::MissingRate(m) => Message::new("bills.missing_rate")
                .text("from", m.from.code())
                .text("to", m.to.code()),
            PlanError::TooLarge { month, product } => Message::new("bills.total_too_large")
                .text("month", month)
                .text("product", product.key()),
        }
    }
}

/// Plans importing `bill` into `scenario`, whose actual spend stored now is `stored`.
pub fn plan(
    bill: &BillSummary,
    scenario: &Scenario,
    stored: &[Actual],
) -> Result<ImportPlan, PlanError> {
    let first = scenario.start;
    let last = scenario.start.plus(scenario.months.saturating_sub(1));
    let priced: Vec<Product> = scenario.products.iter().map(|p| p.product()).collect();
    let mut plan = ImportPlan {
        currency: scenario.currency,
        changes: Vec::new(),
        outside_months: Vec::new(),
        other_products: Vec::new(),
    };
    for t in &bill.totals {
        if t.month < first || t.month > last {
            if !plan.outside_months.contains(&t.month) {
                plan.outside_months.push(t.month);
            }
            continue;
        }
        if !priced.contains(&t.product) {
            if !plan.other_products.contains(&t.product) {
                plan.other_products.push(t.product);
            }
            continue;
        }
        let too_large = || PlanError::TooLarge {
            month: t.month,
            product: t.product,
        };
        // rule GEN-8: the month's rate, as the quote converts that month.
        let factor = conversion_on(
            &scenario.rates,
            t.currency,
            scenario.currency,
            t.month.first_day(),
        )?
        .factor;
        let amount = convert(t.amount, factor).ok_or_else(too_large)?;
        let credits = convert(t.credits, factor).ok_or_else(too_large)?;
        match plan
            .changes
            .iter_mut()
            .find(|c| c.month == t.month && c.product == t.product)
        {
            Some(c) => {
                c.after = c.after.checked_add(amount).ok_or_else(too_large)?;
                c.credits = c.credits.checked_add(credits).ok_or_else(too_large)?;
                c.billed.push((t.currency, t.amount));
            }
            None => plan.changes.push(Change {
                month: t.month,
                product: t.product,
                kind: ChangeKind::New,
                before: None,
                before_currency: None,
                after: amount,
                billed: vec![(t.currency, t.amount)],
                credits,
            }),
        }
    }
    for c in &mut plan.changes {
        if let Some(a) = stored
            .iter()
            .find(|a| a.month == c.month && a.product == c.product)
        {
            c.before = Some(a.amount);
            c.before_currency = Some(a.currency);
            c.kind = if a.amount == c.after && a.currency == scenario.currency {
                ChangeKind::Same
            } else {
                ChangeKind::Replace
            };
        }
    }
    plan.changes.sort_by_key(|c| (c.month, c.product));
    plan.outside_months.sort();
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pricing::parse_scenario;
    use rust_decimal_macros::dec;

    fn scenario() -> Scenario {
        parse_scenario(
            r#"{"plancast": 1, "name": "n", "start": "2027-03", "months": 2, "currency": "USD",
                "rates": [{"from": "CNY", "to": "USD", "rate": "0.14", "date": "2027-01-01"},
                          {"from": "CNY", "to": "USD", "rate": "0.15", "date": "2027-04-01"}],
                "tcr": {"site": "tencent-intl", "region": "ap-guangzhou"},
                "image_search": {"site": "aliyun-cn", "images": 1000, "qps": 1}}"#,
        )
        .unwrap()
    }

    fn bill(file: &str) -> BillSummary {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(file);
        crate::read_bill(
            std::fs::File::open(path).unwrap(),
            &crate::Options::default(),
            &mut |_| {},
        )
        .unwrap()
    }

    #[test]
    fn gen_8_a_bill_is_converted_month_by_month_and_replaces_what_is_stored() {
        // rule GEN-8, BUD-4: FOCUS bill with USD and CNY rows.
        let b = bill("focus-1.0-credits.csv");
        let stored = vec![Actual {
            product: Product::Tcr,
            month: "2027-03".parse().unwrap(),
            amount: dec!(200),
            currency: Currency::Usd,
        }];
        let p = plan(&b, &scenario(), &stored).unwrap();
        let summary: Vec<(String, Product, ChangeKind, Decimal)> = p
            .changes
            .iter()
            .map(|c| (c.month.to_string(), c.product, c.kind, c.after))
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    "2027-03".into(),
                    Product::Tcr,
                    ChangeKind::Replace,
                    dec!(208.32)
                ),
                // Image Search in CNY at March's rate: (6800 − 3000) × 0.14.
                (
                    "2027-03".into(),
                    Product::ImageSearch,
                    ChangeKind::New,
                    dec!(532.0000)
                ),
                (
                    "2027-04".into(),
                    Product::Tcr,
                    ChangeKind::New,
                    dec!(201.60)
                ),
            ]
        );
        let is = &p.changes[1];
        assert_eq!(is.credits, dec!(-420.0000));
        assert_eq!(is.billed, vec![(Currency::Cny, dec!(3800.00))]);
        // TCSS is not in this scenario: named, not imported.
        assert_eq!(p.other_products, vec![Product::Tcss]);
        // Importing it again, once stored, changes nothing.
        let stored: Vec<Actual> = p
            .changes
            .iter()
            .map(|c| Actual {
                product: c.product,
                month: c.month,
                amount: c.after,
                currency: Currency::Usd,
            })
            .collect();
        let again = plan(&b, &scenario(), &stored).unwrap();
        assert!(again.changes.iter().all(|c| c.kind == ChangeKind::Same));
        assert_eq!(again.writes().count(), 0);
    }

    #[test]
    fn months_outside_the_scenario_and_missing_rates_are_said() {
        let b = bill("tencent-zh.csv");
        let s = parse_scenario(
            r#"{"plancast": 1, "name": "n", "start": "2027-04", "months": 1, "currency": "USD",
                "tcr": {"site": "tencent-intl", "region": "ap-guangzhou"},
                "tcss": {"site": "tencent-intl", "billing": "postpaid", "cores": 1}}"#,
        )
        .unwrap();
        // The bill is in CNY and the scenario has no CNY→USD rate.
        let err = plan(&b, &s, &[]).unwrap_err();
        assert_eq!(
            err.message().render(pricing::Lang::En),
            "no exchange rate from CNY to USD: add one to the scenario's rates, then import the bill again"
        );
        let mut with_rate = s.clone();
        with_rate.rates = vec![pricing::money::Rate {
            from: Currency::Usd,
            to: Currency::Cny,
            rate: dec!(7.2),
            date: "2027-01-01".parse().unwrap(),
        }];
        let p = plan(&b, &with_rate, &[]).unwrap();
        assert_eq!(p.outside_months, vec!["2027-03".parse().unwrap()]);
        assert_eq!(p.changes.len(), 1);
        assert_eq!(
            p.changes[0].after,
            dec!(-900.00) * (Decimal::ONE / dec!(7.2))
        );
    }
}
