//! Every price-book item the Prices screen can show, and every item a user price may set, has
//! a name in each language of the UI (ui/src/locales, key `priceItems`).

use pricing::{PriceBook, PriceItem};

#[test]
fn every_price_item_is_named_in_every_language() {
    let mut items: Vec<&str> = PriceBook::builtin()
        .entries()
        .map(|e| e.item.key())
        .chain(PriceItem::USER.map(PriceItem::key))
        .collect();
    items.sort_unstable();
    items.dedup();
    assert!(items.len() > 10, "the book lists its items: {items:?}");
    for locale in ["en", "zh-CN"] {
        let path = format!(
            "{}/ui/src/locales/{locale}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect("locale file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("locale JSON");
        let missing: Vec<&&str> = items
            .iter()
            .filter(|item| {
                json["priceItems"][**item]
                    .as_str()
                    .is_none_or(|name| name.trim().is_empty())
            })
            .collect();
        assert!(missing.is_empty(), "{locale} has no name for {missing:?}");
    }
}
