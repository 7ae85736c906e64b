//! Reading the vocabulary and amounts from text, and the checks the store makes on the way in.
//!
//! Product, site, currency and month are the pricing crate's types ([`pricing::Product`],
//! [`pricing::Site`], [`pricing::Currency`], [`pricing::YearMonth`]): one vocabulary for
//! pricing, storage and IPC. Their keys (`tcr`, `tencent-intl`, `USD`, `2025-03`) are the text
//! stored in SQLite. The functions here read that text from the UI as the store's own input,
//! so a bad value is [`StoreError::Invalid`] on its field.

use pricing::{Currency, Product, Site, YearMonth};
use rust_decimal::Decimal;

use crate::StoreError;

/// SQL expression ordering the `product` column like [`Product::ALL`] (and `Product`'s `Ord`),
/// rather than alphabetically, so lists read in the UI's product order.
pub(crate) fn product_order_sql() -> String {
    let cases: String = Product::ALL
        .iter()
        .enumerate()
        .map(|(rank, p)| format!(" WHEN '{}' THEN {rank}", p.key()))
        .collect();
    format!("CASE product{cases} ELSE {} END", Product::ALL.len())
}

fn not_one_of(field: &'static str, text: &str, keys: &[&str]) -> StoreError {
    StoreError::invalid(field, format!("{text:?} is not one of {}", keys.join(", ")))
}

/// A product by its stored name (`tcr`, `tcss`, `image_search`), exact and case-sensitive;
/// anything else is `Invalid` on `product`.
pub fn parse_product(text: &str) -> Result<Product, StoreError> {
    Product::from_key(text)
        .ok_or_else(|| not_one_of("product", text, &Product::ALL.map(Product::key)))
}

/// A site by its stored name (`tencent-intl`, …); anything else is `Invalid` on `site`.
pub fn parse_site(text: &str) -> Result<Site, StoreError> {
    Site::from_key(text).ok_or_else(|| not_one_of("site", text, &Site::ALL.map(Site::key)))
}

/// A currency by its ISO code in upper case; anything else is `Invalid` on `currency`.
pub fn parse_currency(text: &str) -> Result<Currency, StoreError> {
    text.parse()
        .map_err(|()| not_one_of("currency", text, &Currency::ALL.map(Currency::code)))
}

/// A month written exactly `YYYY-MM` (zero-padded, years 1900–9999); anything else is
/// `Invalid` on `month`.
pub fn parse_month(text: &str) -> Result<YearMonth, StoreError> {
    text.parse()
        .map_err(|()| StoreError::invalid("month", format!("{text:?} is not a month like 2025-03")))
}

/// Parses user-typed text as an exact decimal, for adapters that receive amounts as
/// strings. Rejects anything `Decimal` would have to round (too many digits) rather than
/// silently changing the amount; `field` names the input in the error.
pub fn parse_decimal(field: &'static str, text: &str) -> Result<Decimal, StoreError> {
    Decimal::from_str_exact(text.trim())
        .map_err(|e| StoreError::invalid(field, format!("{text:?} is not a decimal number: {e}")))
}

pub(crate) fn require_non_negative(field: &'static str, value: Decimal) -> Result<(), StoreError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(StoreError::invalid(
            field,
            format!("{value} must not be negative"),
        ));
    }
    Ok(())
}

/// An amount within the bounds every price, budget and spend keeps to
/// (`pricing::read::bounds`, docs/scenario-format.md "Bounds"), so nothing out of bounds is
/// stored anew.
pub(crate) fn require_amount(field: &'static str, value: Decimal) -> Result<(), StoreError> {
    require_non_negative(field, value)?;
    if !pricing::read::bounds::amount_ok(value) {
        return Err(StoreError::invalid(
            field,
            format!(
                "must be {}, got {value}",
                pricing::read::bounds::AMOUNT_TEXT
            ),
        ));
    }
    Ok(())
}

pub(crate) fn require_text(field: &'static str, value: &str) -> Result<(), StoreError> {
    if value.trim().is_empty() {
        return Err(StoreError::invalid(field, "must not be empty"));
    }
    Ok(())
}

/// Checks that text is well-formed JSON. The store treats documents as opaque, but a
/// document that is not even JSON is a bug upstream, best caught before it is saved.
pub(crate) fn require_json(
    field: &'static str,
    value: &str,
) -> Result<serde_json::Value, StoreError> {
    serde_json::from_str(value)
        .map_err(|e| StoreError::invalid(field, format!("is not well-formed JSON: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_reads_its_keys_and_nothing_else() {
        for p in Product::ALL {
            assert_eq!(parse_product(p.key()).ok(), Some(p));
        }
        for s in Site::ALL {
            assert_eq!(parse_site(s.key()).ok(), Some(s));
        }
        assert_eq!(parse_currency("USD").ok(), Some(Currency::Usd));
        assert_eq!(parse_currency("CNY").ok(), Some(Currency::Cny));
        assert_eq!(
            parse_month("2025-03")
                .ok()
                .map(|m| m.to_string())
                .as_deref(),
            Some("2025-03")
        );
        let field = |e: StoreError| match e {
            StoreError::Invalid { field, message } => (field, message),
            other => panic!("{other:?}"),
        };
        let (field_name, message) = field(parse_product("TCR").unwrap_err());
        assert_eq!(field_name, "product");
        assert!(
            message.starts_with("\"TCR\" is not one of tcr, tcss, image_search"),
            "{message}"
        );
        assert!(parse_product("imagesearch").is_err());
        assert_eq!(field(parse_site("china").unwrap_err()).0, "site");
        assert_eq!(
            field(parse_currency("usd").unwrap_err()),
            ("currency", "\"usd\" is not one of USD, CNY".to_owned())
        );
        assert!(parse_currency("EUR").is_err());
        for bad in ["2025-3", "2025-13", "2025/03", "２０２５-03"] {
            assert_eq!(field(parse_month(bad).unwrap_err()).0, "month", "{bad}");
        }
    }

    #[test]
    fn products_are_ordered_like_the_vocabulary() {
        let sql = product_order_sql();
        assert!(
            sql.starts_with("CASE product WHEN 'tcr' THEN 0 WHEN 'tcss' THEN 1 "),
            "{sql}"
        );
        for (rank, p) in Product::ALL.iter().enumerate() {
            assert!(sql.contains(&format!(" WHEN '{p}' THEN {rank}")), "{sql}");
        }
        assert!(
            sql.ends_with(&format!(" ELSE {} END", Product::ALL.len())),
            "{sql}"
        );
    }

    #[test]
    fn parse_decimal_is_exact() {
        assert_eq!(
            parse_decimal("amount", "12.50").unwrap().to_string(),
            "12.50"
        );
        assert!(matches!(
            parse_decimal("amount", "12,5"),
            Err(StoreError::Invalid {
                field: "amount",
                ..
            })
        ));
        // More digits than a Decimal holds must be refused, not rounded.
        assert!(parse_decimal("amount", "0.12345678901234567890123456789").is_err());
    }
}
