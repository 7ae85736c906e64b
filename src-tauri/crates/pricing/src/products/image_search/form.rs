//! Image Search's step of the scenario wizard ([`crate::form`]): site, images and peak QPS
//! (rule IS-3 picks the package that holds them), the trial (rule IS-5), and the packages each
//! site sells.

use crate::book::PriceBook;
use crate::form::{FormField, FormInput, FormNote, ProductForm};
use crate::ids::{PriceItem, Product};
use crate::jsonread::grouped;
use crate::message::Message;

use super::Package;

pub fn form(book: &PriceBook) -> ProductForm {
    let notes = Product::ImageSearch
        .sites()
        .iter()
        .filter_map(|&site| {
            let mut packages: Vec<Package> = book
                .item_entries_any_date(Product::ImageSearch, site, PriceItem::Package)
                .filter_map(|e| e.plan.as_deref().and_then(Package::parse))
                .collect();
            packages.sort();
            packages.dedup();
            (!packages.is_empty()).then(|| FormNote {
                value: site.key().to_owned(),
                text: Message::new("is.form.packages").list(
                    "list",
                    packages
                        .iter()
                        .map(|p| {
                            Message::new("is.form.package")
                                .text("images", compact_en(p.capacity))
                                .text("images_zh", compact_zh(p.capacity))
                                .text("qps", p.qps)
                        })
                        .collect(),
                ),
            })
        })
        .collect();
    ProductForm {
        product: Product::ImageSearch,
        blurb: Message::new("is.form.blurb"),
        fields: vec![
            FormField::site(),
            FormField::required_quantity("images", Message::new("is.form.q.images"), "1000000"),
            FormField::required_quantity("qps", Message::new("is.form.q.qps"), "5"),
            FormField::trial(),
            FormField::new(
                "",
                Message::new("is.form.packages_label"),
                FormInput::Note { by: "site", notes },
            )
            .wide(),
        ],
    }
}

/// A count in English large units, as the app writes package sizes: 2500000 → "2.5 M",
/// 100000 → "100,000". Whole-number arithmetic, at most two decimals.
fn compact_en(n: u64) -> String {
    match n {
        1_000_000_000.. => format!("{} B", scaled(n, 1_000_000_000)),
        1_000_000.. => format!("{} M", scaled(n, 1_000_000)),
        _ => grouped(usize::try_from(n).unwrap_or(usize::MAX)),
    }
}

/// A count in Chinese large units: 2500000 → "250万", 300000000 → "3亿", 5000 → "5000".
fn compact_zh(n: u64) -> String {
    match n {
        100_000_000.. => format!("{}亿", scaled(n, 100_000_000)),
        10_000.. => format!("{}万", scaled(n, 10_000)),
        _ => n.to_string(),
    }
}

/// `n / unit` rounded to two decimals, without trailing zeros: (2500000, 1000000) → "2.5".
fn scaled(n: u64, unit: u64) -> String {
    let hundredths = (u128::from(n) * 100 + u128::from(unit) / 2) / u128::from(unit);
    let (whole, cents) = (hundredths / 100, hundredths % 100);
    match cents {
        0 => whole.to_string(),
        c if c.is_multiple_of(10) => format!("{whole}.{}", c / 10),
        c => format!("{whole}.{c:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_sizes_read_in_each_language_s_large_units() {
        assert_eq!(compact_en(100_000), "100,000");
        assert_eq!(compact_en(2_500_000), "2.5 M");
        assert_eq!(compact_en(50_000_000), "50 M");
        assert_eq!(compact_en(1_234_567_890), "1.23 B");
        assert_eq!(compact_zh(100_000), "10万");
        assert_eq!(compact_zh(2_500_000), "250万");
        assert_eq!(compact_zh(300_000_000), "3亿");
        assert_eq!(compact_zh(5_000), "5000");
        assert_eq!(scaled(1_005, 1_000), "1.01");
    }
}
