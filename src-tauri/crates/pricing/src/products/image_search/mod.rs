//! Alibaba Cloud Image Search: its part of a scenario, how it is read and written back, its
//! month-by-month pricing and its alternatives (rules IS-1…IS-7).

mod compare;
mod form;
pub mod lines;
pub mod packages;
mod read;
mod spec;

pub(crate) use compare::alternatives;
pub use form::form;
pub use lines::{ImageSearchMonth, ImageSearchSummary};
pub use packages::{Package, PackageChange};
pub(crate) use read::read;
pub use spec::*;

/// Image Search behind the products' interface ([`crate::products::ProductModule`]).
pub(crate) struct Module;

/// Its part of a scenario ([`crate::products::ProductSpec`]).
pub type Spec = ImageSearchSpec;
/// What its pricing reports besides its lines ([`crate::products::ProductDetail`]).
pub type Detail = ImageSearchSummary;

impl crate::products::ProductModule for Module {
    type Spec = Spec;
    type Detail = Detail;
    const PRODUCT: crate::ids::Product = crate::ids::Product::ImageSearch;
    const MOST_LINES: usize = 1;

    fn read(
        r: &mut crate::read::Reader,
        v: &crate::jsonread::Json,
        months: Option<u32>,
        _start: Option<crate::calendar::YearMonth>,
    ) -> Option<ImageSearchSpec> {
        read(r, v, months)
    }
    fn form(book: &crate::book::PriceBook) -> crate::form::ProductForm {
        form(book)
    }
    fn with_growth(spec: &ImageSearchSpec, percent: rust_decimal::Decimal) -> ImageSearchSpec {
        spec.with_growth(percent)
    }
    fn site(spec: &ImageSearchSpec) -> crate::ids::Site {
        spec.site
    }
    fn to_json(spec: &ImageSearchSpec) -> serde_json::Value {
        spec.to_json()
    }
    fn price(
        spec: &ImageSearchSpec,
        h: &crate::horizon::Horizon,
        book: &crate::book::PriceBook,
        notes: &mut Vec<crate::line::Note>,
        out: &mut [Vec<crate::line::Line>],
    ) -> ImageSearchSummary {
        lines::price(h, book, spec, None, notes, out)
    }
    fn alternatives(
        spec: &ImageSearchSpec,
        book: &crate::book::PriceBook,
        sum: &crate::alternative::Summary,
        scratch: &mut Vec<crate::line::Note>,
    ) -> Vec<crate::alternative::Alternative> {
        alternatives(spec, book, sum, scratch)
    }
}
