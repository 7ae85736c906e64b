//! Every price-book item the Prices screen can show, and every item a user price may set, has
//! a name in each language, in the pricing core's catalogue (`report.price_items`), which the
//! UI reads too.

use pricing::{Lang, PriceBook, PriceItem};

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
    for lang in Lang::ALL {
        let missing: Vec<&&str> = items
            .iter()
            .filter(|item| {
                lang.lookup(&format!("report.price_items.{item}"))
                    .is_none_or(|name| name.trim().is_empty())
            })
            .collect();
        assert!(missing.is_empty(), "{lang} has no name for {missing:?}");
    }
}
