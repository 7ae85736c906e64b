//! Alibaba Cloud Image Search: packages, selection, trial and package changes
//! (rules IS-1…IS-7).

use std::fmt;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::book::{Key, PriceBook, PriceEntry};
use crate::ids::{PriceItem, Product, Site};
use crate::message::Message;

/// A monthly resource package: maximum image capacity and query QPS (rule IS-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Package {
    pub capacity: u64,
    pub qps: u32,
}

impl Package {
    /// Reads `CAPACITY/QPS`, for example `5000000/10`.
    pub fn parse(s: &str) -> Option<Package> {
        let (c, q) = s.split_once('/')?;
        let capacity: u64 = c.parse().ok()?;
        let qps: u32 = q.parse().ok()?;
        (capacity > 0 && qps > 0 && !c.starts_with('0') && !q.starts_with('0'))
            .then_some(Package { capacity, qps })
    }

    pub fn fits(self, images: Decimal, qps: Decimal) -> bool {
        images <= Decimal::from(self.capacity) && qps <= Decimal::from(self.qps)
    }
}

/// A month's images and peak QPS rounded up to whole numbers, for checking them against many
/// packages (every package, every month): against a whole capacity n, x ≤ n exactly when
/// ⌈x⌉ ≤ n, so [`Need::met_by`] is [`Package::fits`] in integers. A test checks they agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    /// `None`: more than any whole number of images or QPS a package can have.
    images: Option<u64>,
    qps: Option<u64>,
}

impl Need {
    pub fn of(images: Decimal, qps: Decimal) -> Need {
        let up = |x: Decimal| {
            if x.is_sign_negative() {
                Some(0)
            } else {
                x.ceil().to_u64()
            }
        };
        Need {
            images: up(images),
            qps: up(qps),
        }
    }

    pub fn met_by(self, package: Package) -> bool {
        self.images.is_some_and(|n| n <= package.capacity)
            && self.qps.is_some_and(|q| q <= u64::from(package.qps))
    }
}

impl fmt::Display for Package {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.capacity, self.qps)
    }
}

/// The trial package (rule IS-5).
pub const TRIAL_PACKAGE: Package = Package {
    capacity: 100_000,
    qps: 1,
};

/// Packages on sale at a site on a date, with their price entries, smallest first.
pub fn packages(
    book: &PriceBook,
    site: Site,
    date: chrono::NaiveDate,
) -> Vec<(Package, &PriceEntry)> {
    Catalogue::of(book, site).on(date)
}

/// Every package entry of a site whatever its dates, plans read once, user entries first. A
/// projection chooses a package for every month; reading the plans again each month was most
/// of its cost.
#[derive(Debug, Clone)]
pub struct Catalogue<'b> {
    entries: Vec<(Package, &'b PriceEntry)>,
    /// Some package has more than one entry (a user's and a built-in one, say).
    repeats: bool,
}

impl<'b> Catalogue<'b> {
    pub fn of(book: &'b PriceBook, site: Site) -> Catalogue<'b> {
        let entries: Vec<(Package, &PriceEntry)> = book
            .item_entries_any_date(Product::ImageSearch, site, PriceItem::Package)
            .filter_map(|e| e.plan.as_deref().and_then(Package::parse).map(|p| (p, e)))
            .collect();
        let repeats = entries
            .iter()
            .enumerate()
            .any(|(i, (p, _))| entries[..i].iter().any(|(q, _)| q == p));
        Catalogue { entries, repeats }
    }

    /// An entry is a package's entry on a date unless an earlier one for the same package is
    /// in force too (the first, the user's, wins).
    fn first_for_its_package(&self, i: usize, date: chrono::NaiveDate) -> bool {
        let (p, _) = self.entries[i];
        !self.repeats
            || !self.entries[..i]
                .iter()
                .any(|(q, e)| *q == p && e.in_force(date))
    }

    /// Packages on sale on a date with their price entries, smallest first.
    pub fn on(&self, date: chrono::NaiveDate) -> Vec<(Package, &'b PriceEntry)> {
        let mut out: Vec<(Package, &PriceEntry)> = self
            .entries
            .iter()
            .filter(|(_, e)| e.in_force(date))
            .copied()
            .collect();
        // A user entry and a built-in one for the same package: keep the first (the user's).
        // The sort is stable, so the first of a package stays first and dedup keeps it.
        out.sort_by_key(|(p, _)| *p);
        out.dedup_by_key(|(p, _)| *p);
        out
    }

    /// The month's package (rules IS-3, IS-4); see [`select`].
    /// It chooses among [`Catalogue::on`]'s packages without listing them: it runs every month.
    pub fn select(&self, date: chrono::NaiveDate, images: Decimal, qps: Decimal) -> Selection<'b> {
        self.select_for(date, Need::of(images, qps))
    }

    /// [`Catalogue::select`] for a need already rounded up.
    pub fn select_for(&self, date: chrono::NaiveDate, need: Need) -> Selection<'b> {
        let mut best: Option<(Decimal, Package, &'b PriceEntry)> = None;
        for (i, &(p, e)) in self.entries.iter().enumerate() {
            if need.met_by(p) && e.in_force(date) && self.first_for_its_package(i, date) {
                // The cheapest; on a tie, the smaller package.
                if best.is_none_or(|(amount, q, _)| (e.amount, p) < (amount, q)) {
                    best = Some((e.amount, p, e));
                }
            }
        }
        match best {
            Some((_, p, e)) => Selection::Package(p, e),
            // rule IS-4: the list is in force but nothing on it is large enough.
            None if self.entries.iter().any(|(_, e)| e.in_force(date)) => Selection::CustomQuote,
            // rule GEN-5: no list in force on the date (before the list's date): a missing
            // price, not a custom quote.
            None => Selection::NoPrice,
        }
    }
}

/// The price entry for one package (user entry first).
pub fn package_entry(
    book: &PriceBook,
    site: Site,
    package: Package,
    date: chrono::NaiveDate,
) -> Option<&PriceEntry> {
    plan_entry(book, site, &package.to_string(), date, None)
}

/// The price entry for a package's plan text (`CAPACITY/QPS`), for callers that price one
/// package month after month: they write its plan once and pass the entry found for an
/// earlier month as `previous` ([`PriceBook::lookup_after`]).
pub fn plan_entry<'b>(
    book: &'b PriceBook,
    site: Site,
    plan: &str,
    date: chrono::NaiveDate,
    previous: Option<&'b PriceEntry>,
) -> Option<&'b PriceEntry> {
    let key = Key {
        product: Product::ImageSearch,
        site,
        item: PriceItem::Package,
        plan: Some(plan),
        region: None,
    };
    book.lookup_after(key, date, previous)
}

/// What a month needs from Image Search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Selection<'b> {
    /// The cheapest package that fits (rule IS-3).
    Package(Package, &'b PriceEntry),
    /// More than the largest package: no list price (rule IS-4).
    CustomQuote,
    /// No package is on sale on the date (rule GEN-5): a missing price.
    NoPrice,
}

/// The cheapest package whose capacity ≥ images and QPS ≥ peak QPS; ties go to the smaller
/// capacity (rule IS-3). Beyond the largest package it is a custom quote (rule IS-4).
pub fn select<'b>(
    book: &'b PriceBook,
    site: Site,
    date: chrono::NaiveDate,
    images: Decimal,
    qps: Decimal,
) -> Selection<'b> {
    Catalogue::of(book, site).select(date, images, qps)
}

/// A package change between consecutive months (rule IS-6).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackageChange {
    pub month: crate::calendar::YearMonth,
    pub from: Package,
    pub to: Package,
    /// `upgrade` or `downgrade`.
    pub kind: &'static str,
    /// new − old for an upgrade (a charge, positive) or old − new for a downgrade (a refund,
    /// shown positive), in the site currency, not pro-rated.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: crate::money::Currency,
}

/// The charge or refund of changing package mid-cycle: keeps the billing start; an upgrade
/// costs new − old, a downgrade refunds old − new, not pro-rated (rule IS-6).
pub fn change_amount(old_price: Decimal, new_price: Decimal) -> (&'static str, Decimal) {
    if new_price >= old_price {
        ("upgrade", new_price - old_price)
    } else {
        ("downgrade", old_price - new_price)
    }
}

/// Why a package cannot hold a month's images and queries (rule IS-3).
pub fn too_small(package: Package, images: Decimal, qps: Decimal) -> Message {
    Message::new("is.too_small")
        .text("package", package)
        .text("capacity", package.capacity)
        .text("qps", package.qps)
        .num("images", images)
        .num("need_qps", qps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn date() -> chrono::NaiveDate {
        "2027-01-01".parse().unwrap()
    }

    fn pick(images: Decimal, qps: Decimal, site: Site) -> Option<(String, Decimal)> {
        match select(PriceBook::builtin(), site, date(), images, qps) {
            Selection::Package(p, e) => Some((p.to_string(), e.amount)),
            Selection::CustomQuote | Selection::NoPrice => None,
        }
    }

    #[test]
    fn is_2_price_table_both_sites() {
        // rule IS-2
        let book = PriceBook::builtin();
        let price = |site, p: &str| {
            package_entry(book, site, Package::parse(p).unwrap(), date()).map(|e| e.amount)
        };
        assert_eq!(price(Site::AliyunCn, "100000/1"), Some(dec!(980)));
        assert_eq!(price(Site::AliyunCn, "50000000/10"), Some(dec!(72200)));
        assert_eq!(price(Site::AliyunIntl, "2500000/5"), Some(dec!(800)));
        assert_eq!(price(Site::AliyunIntl, "20000000/10"), Some(dec!(10300)));
        assert_eq!(packages(book, Site::AliyunCn, date()).len(), 15);
        assert!(package_entry(
            book,
            Site::AliyunCn,
            Package {
                capacity: 100_000,
                qps: 5
            },
            date()
        )
        .is_none());
    }

    #[test]
    fn is_3_cheapest_package_that_fits() {
        // rule IS-3
        assert_eq!(
            pick(dec!(90000), dec!(1), Site::AliyunCn),
            Some(("100000/1".into(), dec!(980)))
        );
        // QPS 2 rules out the 100,000 package (QPS 1 only).
        assert_eq!(
            pick(dec!(90000), dec!(2), Site::AliyunCn),
            Some(("2500000/5".into(), dec!(3800)))
        );
        assert_eq!(
            pick(dec!(2000000), dec!(8), Site::AliyunCn),
            Some(("2500000/10".into(), dec!(6800)))
        );
        assert_eq!(
            pick(dec!(2500001), dec!(5), Site::AliyunCn),
            Some(("5000000/5".into(), dec!(6700)))
        );
        // intl: 10,000,000/5 and 5,000,000/10 cost the same (2,900): for 4M images at QPS 6 only
        // the /10 fits; for 6M images at QPS 5 the tie rule is not needed, 10M/5 is cheapest.
        assert_eq!(
            pick(dec!(4000000), dec!(6), Site::AliyunIntl),
            Some(("5000000/10".into(), dec!(2900)))
        );
        assert_eq!(
            pick(dec!(4000000), dec!(5), Site::AliyunIntl),
            Some(("5000000/5".into(), dec!(1600)))
        );
    }

    #[test]
    fn is_3_ties_go_to_the_smaller_capacity() {
        // rule IS-3: intl 5,000,000/10 and 10,000,000/5 both cost 2,900; at 4M images, QPS 5,
        // 5,000,000/5 is cheaper; make a tie with a user price to exercise the rule.
        let mut tie = package_entry(
            PriceBook::builtin(),
            Site::AliyunIntl,
            Package::parse("5000000/5").unwrap(),
            date(),
        )
        .unwrap()
        .clone();
        tie.source = crate::book::USER_SOURCE.into();
        tie.amount = dec!(2900);
        let book = PriceBook::builtin().with_user_entries(vec![tie]).unwrap();
        match select(&book, Site::AliyunIntl, date(), dec!(4000000), dec!(5)) {
            Selection::Package(p, _) => assert_eq!(p.to_string(), "5000000/5"),
            Selection::CustomQuote | Selection::NoPrice => panic!(),
        }
    }

    #[test]
    fn is_4_beyond_the_largest_package_is_a_custom_quote() {
        // rule IS-4
        assert_eq!(pick(dec!(50000001), dec!(1), Site::AliyunCn), None);
        assert_eq!(pick(dec!(1000), dec!(11), Site::AliyunIntl), None);
        assert_eq!(
            pick(dec!(50000000), dec!(10), Site::AliyunCn),
            Some(("50000000/10".into(), dec!(72200)))
        );
    }

    #[test]
    fn is_6_upgrade_charges_difference_downgrade_refunds_it() {
        // rule IS-6
        assert_eq!(
            change_amount(dec!(3800), dec!(6700)),
            ("upgrade", dec!(2900))
        );
        assert_eq!(
            change_amount(dec!(6700), dec!(3800)),
            ("downgrade", dec!(2900))
        );
    }

    #[test]
    fn a_need_is_met_by_the_packages_that_fit_it() {
        let packages = [
            Package {
                capacity: 100_000,
                qps: 1,
            },
            Package {
                capacity: 2_500_000,
                qps: 5,
            },
            Package {
                capacity: 50_000_000,
                qps: 10,
            },
            Package {
                capacity: u64::MAX,
                qps: u32::MAX,
            },
        ];
        let mut values = vec![
            dec!(0),
            -dec!(0),
            dec!(-3),
            dec!(-0.5),
            dec!(0.5),
            dec!(1),
            dec!(1.0000001),
            dec!(99999.99),
            dec!(100000),
            dec!(100000.01),
            dec!(2500000),
            dec!(2500001),
            dec!(50000000),
            dec!(18446744073709551615),
            dec!(18446744073709551615.5),
            dec!(18446744073709551616),
            Decimal::MAX,
        ];
        values.extend((0..60i64).map(|i| Decimal::new(i * 7_777_777 - 100, (i % 4) as u32)));
        for &images in &values {
            for &qps in &values {
                let need = Need::of(images, qps);
                for p in packages {
                    assert_eq!(need.met_by(p), p.fits(images, qps), "{images} {qps} {p}");
                }
            }
        }
    }

    #[test]
    fn package_text_round_trips() {
        assert_eq!(
            Package::parse("5000000/10").unwrap().to_string(),
            "5000000/10"
        );
        assert!(Package::parse("5000000").is_none());
        assert!(Package::parse("05/1").is_none());
        assert!(Package::parse("0/1").is_none());
    }
}
