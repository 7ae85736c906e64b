//! Image Search month by month: the package chosen (or fixed), the trial and the changes
//! (rules IS-1…IS-7).

use rust_decimal::Decimal;
use serde::Serialize;

use super::packages::{self as image_search, Package, PackageChange, Selection};
use crate::book::PriceBook;
use crate::calendar::YearMonth;
use crate::horizon::Horizon;
use crate::ids::{PriceItem, Product, Site};
use crate::line::{note, Line, Note};
use crate::message::Message;
use crate::quantity::Quantity;

/// Image Search in one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageSearchMonth {
    pub month: YearMonth,
    pub package: Option<Package>,
    #[serde(with = "rust_decimal::serde::str")]
    pub images: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub qps: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageSearchSummary {
    pub months: Vec<ImageSearchMonth>,
    pub changes: Vec<PackageChange>,
}

/// What Image Search buys month by month (rules IS-3…IS-5): the one pricing of a month,
/// from which the quote writes its line and the comparison adds its amount.
pub(crate) struct Buys<'a, 'b> {
    book: &'b PriceBook,
    site: Site,
    catalogue: &'a image_search::Catalogue<'b>,
    /// One package every month, by its plan (the comparison); otherwise each month chooses.
    fixed: Option<(Package, &'a str)>,
    last: Option<&'b crate::book::PriceEntry>,
    /// The one free month of the 100,000/1 package is still to be used (rule IS-5).
    trial: bool,
}

/// One month's purchase.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Charge<'b> {
    /// A package at its entry: `fits` when it holds the month's images and QPS (a chosen one
    /// always does), `trial` when the month is the free trial month.
    Package {
        package: Package,
        entry: &'b crate::book::PriceEntry,
        fits: bool,
        trial: bool,
    },
    /// No list price: a custom quote (rule IS-4).
    CustomQuote,
    /// No price on the month's date: before the list's date, or a fixed package not on sale
    /// then (rule GEN-5).
    NoPrice,
}

impl Charge<'_> {
    /// The month's amount in the site currency; `None` for a custom quote or a package too
    /// small for the month.
    pub(crate) fn amount(&self) -> Option<Decimal> {
        match *self {
            Charge::Package {
                entry,
                fits: true,
                trial,
                ..
            } => Some(if trial {
                Decimal::ZERO
            } else {
                Decimal::ONE * entry.amount
            }),
            _ => None,
        }
    }
}

impl<'a, 'b> Buys<'a, 'b> {
    pub(crate) fn new(
        book: &'b PriceBook,
        site: Site,
        catalogue: &'a image_search::Catalogue<'b>,
        fixed: Option<(Package, &'a str)>,
        trial: bool,
    ) -> Self {
        Buys {
            book,
            site,
            catalogue,
            fixed,
            last: None,
            trial,
        }
    }

    /// What the month priced on `date` buys for its images and QPS.
    pub(crate) fn charge(
        &mut self,
        date: chrono::NaiveDate,
        images: Decimal,
        qps: Decimal,
    ) -> Charge<'b> {
        let (package, entry, fits) = match self.fixed {
            Some((p, plan)) => {
                self.last = image_search::plan_entry(self.book, self.site, plan, date, self.last);
                match self.last {
                    Some(e) => (p, e, p.fits(images, qps)),
                    None => return Charge::NoPrice,
                }
            }
            None => match self.catalogue.select(date, images, qps) {
                Selection::Package(p, e) => (p, e, true),
                Selection::CustomQuote => {
                    // rule IS-5: a custom quote is the scenario's first package; no trial after.
                    self.trial = false;
                    return Charge::CustomQuote;
                }
                Selection::NoPrice => return Charge::NoPrice,
            },
        };
        // rule IS-5 (revised 2026-12): the trial is for new buyers, so it applies only when
        // the 100,000 package is the scenario's first package; never to a later downgrade.
        let trial = self.trial && package == image_search::TRIAL_PACKAGE;
        self.trial = false;
        Charge::Package {
            package,
            entry,
            fits,
            trial,
        }
    }
}

/// Prices Image Search as the scenario says (`fixed`: one package every month, for the
/// comparison), appending each month's line.
pub(crate) fn price(
    h: &Horizon,
    book: &PriceBook,
    spec: &super::ImageSearchSpec,
    fixed: Option<Package>,
    notes: &mut Vec<Note>,
    out: &mut [Vec<Line>],
) -> ImageSearchSummary {
    price_image_search(
        h,
        book,
        spec.site,
        &spec.images,
        &spec.qps,
        spec.trial,
        fixed,
        notes,
        out,
    )
}

/// Prices Image Search per month, appending each month's line to `out[k]`; `fixed` prices one
/// package for every month (comparison).
#[allow(clippy::too_many_arguments)]
pub(crate) fn price_image_search(
    h: &Horizon,
    book: &PriceBook,
    site: Site,
    images: &Quantity,
    qps: &Quantity,
    trial: bool,
    fixed: Option<Package>,
    notes: &mut Vec<Note>,
    out: &mut [Vec<Line>],
) -> ImageSearchSummary {
    let images = images.series(h.months, true).unwrap_or_default();
    let qps = qps.series(h.months, true).unwrap_or_default();
    let currency = site.currency();
    let mut months = Vec::new();
    let mut changes = Vec::new();
    let mut previous: Option<(Package, Decimal)> = None;
    let catalogue = image_search::Catalogue::of(book, site);
    let fixed_plan = fixed.map(|p| (p, p.to_string()));
    let mut buys = Buys::new(
        book,
        site,
        &catalogue,
        fixed_plan.as_ref().map(|(p, plan)| (*p, plan.as_str())),
        trial,
    );
    let mut plan_text: Option<(Package, String)> = None;
    for (k, month) in h.month_list().enumerate() {
        let date = h.price_date_of(k as u32);
        let charge = buys.charge(date, images[k], qps[k]);
        let (package, line) = match charge {
            Charge::Package {
                package: p,
                entry,
                fits,
                trial,
            } => {
                // The package's plan text, written again only when the package changes.
                if plan_text.as_ref().is_none_or(|(q, _)| *q != p) {
                    plan_text = Some((p, p.to_string()));
                }
                let plan = plan_text.as_ref().map_or("", |(_, text)| text.as_str());
                let mut line = Line::priced(
                    Product::ImageSearch,
                    PriceItem::Package,
                    plan,
                    Decimal::ONE,
                    "month",
                    Some(entry),
                    "IS-3",
                    currency,
                );
                if !fits {
                    line.infeasible = true;
                    line.note = Some(image_search::too_small(p, images[k], qps[k]));
                }
                // rule IS-5: the 100,000/1 package has one free month, once per user.
                if trial {
                    line = line.free(Message::new("is.trial"));
                    line.rule = "IS-5".into();
                }
                (Some(p), line)
            }
            Charge::CustomQuote => {
                // rule IS-4: no list price; the line is a custom quote.
                let mut line = Line::priced(
                    Product::ImageSearch,
                    PriceItem::Package,
                    "custom",
                    Decimal::ONE,
                    "month",
                    None,
                    "IS-4",
                    currency,
                );
                line.custom_quote = true;
                line.note = Some(
                    Message::new("is.custom_quote")
                        .num("images", images[k])
                        .num("qps", qps[k]),
                );
                (None, line)
            }
            Charge::NoPrice => {
                // rule GEN-5: no price on the month's date; unknown, not zero.
                let plan = fixed_plan.as_ref().map_or("", |(_, plan)| plan.as_str());
                let line = Line::priced(
                    Product::ImageSearch,
                    PriceItem::Package,
                    plan,
                    Decimal::ONE,
                    "month",
                    None,
                    "IS-2",
                    currency,
                )
                .with_note(
                    Message::new("is.no_price")
                        .text("site", site)
                        .text("date", date),
                );
                (None, line)
            }
        };
        // rule IS-6: a change keeps the billing start; upgrade charges new − old, downgrade
        // refunds old − new, not pro-rated. Listed, not added: each month is billed at its package.
        if let (Some((old, old_price)), Some(new), Some(new_price)) =
            (previous, package, line.unit_price)
        {
            if old != new {
                let (kind, amount) = image_search::change_amount(old_price, new_price);
                changes.push(PackageChange {
                    month,
                    from: old,
                    to: new,
                    kind,
                    amount,
                    currency,
                });
            }
        }
        previous = package.zip(line.unit_price);
        months.push(ImageSearchMonth {
            month,
            package,
            images: images[k],
            qps: qps[k],
        });
        out[k].push(line);
    }
    if fixed.is_none() {
        for c in &changes {
            let code = if c.kind == "upgrade" {
                "is.package_upgrade"
            } else {
                "is.package_downgrade"
            };
            let m = Message::new(code)
                .text("month", c.month)
                .text("from", c.from)
                .text("to", c.to)
                .text("amount", crate::money::cents_text(c.amount))
                .text("currency", c.currency);
            notes.push(note(Some(Product::ImageSearch), m));
        }
        for code in ["is.package", "is.expiry"] {
            notes.push(note(Some(Product::ImageSearch), Message::new(code)));
        }
    }
    ImageSearchSummary { months, changes }
}
