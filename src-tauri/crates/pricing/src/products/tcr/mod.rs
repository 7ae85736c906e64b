//! Tencent Container Registry (TCR): its part of a scenario, how it is read and written back,
//! its month-by-month pricing and its alternatives (rules TCR-ED-1…TCR-L-1).

mod compare;
pub mod fit;
mod form;
pub mod lines;
mod read;
mod spec;

pub(crate) use compare::alternatives;
pub use fit::{Fit, Requirements, Series, Shortfall};
pub use form::{form, WEBHOOKS};
pub use lines::{EditionOption, MonthEntries, TcrMonth};
pub(crate) use read::read;
pub use spec::*;

/// TCR behind the products' interface ([`crate::products::ProductModule`]).
pub(crate) struct Module;

/// Its part of a scenario ([`crate::products::ProductSpec`]).
pub type Spec = TcrSpec;
/// What its pricing reports besides its lines ([`crate::products::ProductDetail`]).
pub type Detail = Vec<TcrMonth>;

impl crate::products::ProductModule for Module {
    type Spec = Spec;
    type Detail = Detail;
    const PRODUCT: crate::ids::Product = crate::ids::Product::Tcr;
    const MOST_LINES: usize = 3;

    fn read(
        r: &mut crate::read::Reader,
        v: &crate::jsonread::Json,
        months: Option<u32>,
        start: Option<crate::calendar::YearMonth>,
    ) -> Option<TcrSpec> {
        read(r, v, months, start)
    }
    fn form(book: &crate::book::PriceBook) -> crate::form::ProductForm {
        form(book)
    }
    fn with_growth(spec: &TcrSpec, percent: rust_decimal::Decimal) -> TcrSpec {
        spec.with_growth(percent)
    }
    fn site(spec: &TcrSpec) -> crate::ids::Site {
        spec.site
    }
    fn to_json(spec: &TcrSpec) -> serde_json::Value {
        spec.to_json()
    }
    fn price(
        spec: &TcrSpec,
        h: &crate::horizon::Horizon,
        book: &crate::book::PriceBook,
        notes: &mut Vec<crate::line::Note>,
        out: &mut [Vec<crate::line::Line>],
    ) -> Vec<TcrMonth> {
        lines::price_tcr(h, book, spec, None, notes, out)
    }
    fn alternatives(
        spec: &TcrSpec,
        book: &crate::book::PriceBook,
        sum: &crate::alternative::Summary,
        scratch: &mut Vec<crate::line::Note>,
    ) -> Vec<crate::alternative::Alternative> {
        alternatives(spec, book, sum, scratch)
    }
}
