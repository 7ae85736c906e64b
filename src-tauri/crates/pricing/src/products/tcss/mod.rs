//! Tencent Container Security Service (TCSS): its part of a scenario, how it is read and
//! written back, its month-by-month pricing and its alternatives (rules TCSS-PRO-1…TCSS-L-1).

mod compare;
mod form;
pub mod lines;
mod read;
pub mod rules;
mod sizing;
mod spec;

pub(crate) use compare::alternatives;
pub use form::form;
pub use lines::{TcssMonth, TcssSummary};
pub(crate) use read::read;
pub use spec::*;

/// TCSS behind the products' interface ([`crate::products::ProductModule`]).
pub(crate) struct Module;

/// Its part of a scenario ([`crate::products::ProductSpec`]).
pub type Spec = TcssSpec;
/// What its pricing reports besides its lines ([`crate::products::ProductDetail`]).
pub type Detail = TcssSummary;

impl crate::products::ProductModule for Module {
    type Spec = Spec;
    type Detail = Detail;
    const PRODUCT: crate::ids::Product = crate::ids::Product::Tcss;
    const MOST_LINES: usize = 5;

    fn read(
        r: &mut crate::read::Reader,
        v: &crate::jsonread::Json,
        months: Option<u32>,
        start: Option<crate::calendar::YearMonth>,
    ) -> Option<TcssSpec> {
        read(r, v, months, start)
    }
    fn form(_book: &crate::book::PriceBook) -> crate::form::ProductForm {
        form()
    }
    fn with_growth(spec: &TcssSpec, percent: rust_decimal::Decimal) -> TcssSpec {
        spec.with_growth(percent)
    }
    fn site(spec: &TcssSpec) -> crate::ids::Site {
        spec.site
    }
    fn to_json(spec: &TcssSpec) -> serde_json::Value {
        spec.to_json()
    }
    fn cross_check(
        spec: &TcssSpec,
        h: &crate::horizon::Horizon,
        errors: &mut Vec<crate::read::FieldError>,
    ) {
        cross_check(spec, h, errors);
    }
    fn check_against_book(
        spec: &TcssSpec,
        h: &crate::horizon::Horizon,
        book: &crate::book::PriceBook,
        errors: &mut Vec<crate::read::FieldError>,
    ) {
        lines::check_against_book(spec, h, book, errors);
    }
    fn price(
        spec: &TcssSpec,
        h: &crate::horizon::Horizon,
        book: &crate::book::PriceBook,
        notes: &mut Vec<crate::line::Note>,
        out: &mut [Vec<crate::line::Line>],
    ) -> TcssSummary {
        lines::price(h, book, spec, notes, out)
    }
    fn alternatives(
        spec: &TcssSpec,
        book: &crate::book::PriceBook,
        sum: &crate::alternative::Summary,
        scratch: &mut Vec<crate::line::Note>,
    ) -> Vec<crate::alternative::Alternative> {
        alternatives(spec, book, sum, scratch)
    }
}
