//! The products Plancast prices, one folder each: its part of the scenario (types, reading
//! with field paths, writing back), its month-by-month pricing, its alternatives and its
//! messages. Quote, compare, budgets, reports, the command line and the app reach a product
//! only through [`ProductSpec`] and [`ProductDetail`]; `docs/adding-a-product.md` walks
//! through adding one.

pub mod image_search;
pub mod tcr;
pub mod tcss;

use serde::Serialize;
use serde_json::Value;

use crate::alternative::{Alternative, Summary};
use crate::book::PriceBook;
use crate::calendar::YearMonth;
use crate::form::ProductForm;
use crate::horizon::Horizon;
use crate::ids::{Product, Site};
use crate::jsonread::Json;
use crate::line::{Line, Note};
use crate::read::{FieldError, Reader};

/// One product's part of a scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum ProductSpec {
    Tcr(tcr::TcrSpec),
    Tcss(tcss::TcssSpec),
    ImageSearch(image_search::ImageSearchSpec),
}

/// What a product's pricing reports besides its lines: TCR's edition each month, TCSS's
/// licence sizing, Image Search's packages and changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "product", content = "detail", rename_all = "snake_case")]
pub enum ProductDetail {
    Tcr(Vec<tcr::TcrMonth>),
    Tcss(tcss::TcssSummary),
    ImageSearch(image_search::ImageSearchSummary),
}

/// The scenario-file key of each product, in [`Product::ALL`] order.
pub const KEYS: [&str; 3] = ["tcr", "tcss", "image_search"];

/// The product's step of the app's scenario wizard, with the choices `book` offers.
pub fn form(product: Product, book: &PriceBook) -> ProductForm {
    match product {
        Product::Tcr => tcr::form(book),
        Product::Tcss => tcss::form(),
        Product::ImageSearch => image_search::form(book),
    }
}

/// Reads the part of a scenario file under a product's key.
pub(crate) fn read(
    r: &mut Reader,
    product: Product,
    v: &Json,
    months: Option<u32>,
    start: Option<YearMonth>,
) -> Option<ProductSpec> {
    Some(match product {
        Product::Tcr => ProductSpec::Tcr(tcr::read(r, v, months, start)?),
        Product::Tcss => ProductSpec::Tcss(tcss::read(r, v, months, start)?),
        Product::ImageSearch => ProductSpec::ImageSearch(image_search::read(r, v, months)?),
    })
}

impl ProductSpec {
    /// The product with what drives its bill growing `percent` a month (a growth suggested
    /// from actual spend, rule BUD-4).
    pub fn with_growth(&self, percent: rust_decimal::Decimal) -> ProductSpec {
        match self {
            ProductSpec::Tcr(s) => ProductSpec::Tcr(s.with_growth(percent)),
            ProductSpec::Tcss(s) => ProductSpec::Tcss(s.with_growth(percent)),
            ProductSpec::ImageSearch(s) => ProductSpec::ImageSearch(s.with_growth(percent)),
        }
    }

    pub fn product(&self) -> Product {
        match self {
            ProductSpec::Tcr(_) => Product::Tcr,
            ProductSpec::Tcss(_) => Product::Tcss,
            ProductSpec::ImageSearch(_) => Product::ImageSearch,
        }
    }

    /// The site it is bought on, which fixes its currency (rule GEN-1).
    pub fn site(&self) -> Site {
        match self {
            ProductSpec::Tcr(s) => s.site,
            ProductSpec::Tcss(s) => s.site,
            ProductSpec::ImageSearch(s) => s.site,
        }
    }

    /// The product's object in a scenario file.
    pub fn to_json(&self) -> Value {
        match self {
            ProductSpec::Tcr(s) => s.to_json(),
            ProductSpec::Tcss(s) => s.to_json(),
            ProductSpec::ImageSearch(s) => s.to_json(),
        }
    }

    /// The most lines the product writes in one month, to size each month's list once.
    pub(crate) fn most_lines(&self) -> usize {
        match self {
            ProductSpec::Tcr(_) => 3,
            ProductSpec::Tcss(_) => 5,
            ProductSpec::ImageSearch(_) => 1,
        }
    }

    /// Checks across the product's fields once the whole file is read.
    pub(crate) fn cross_check(&self, h: &Horizon, errors: &mut Vec<FieldError>) {
        if let ProductSpec::Tcss(s) = self {
            tcss::cross_check(s, h, errors);
        }
    }

    /// Checks that need the price book (a dated minimum, for example).
    pub(crate) fn check_against_book(
        &self,
        h: &Horizon,
        book: &PriceBook,
        errors: &mut Vec<FieldError>,
    ) {
        if let ProductSpec::Tcss(s) = self {
            tcss::lines::check_against_book(s, h, book, errors);
        }
    }

    /// Prices the product month by month, appending each month's lines to `out[k]` and the
    /// quote's notes to `notes`.
    pub(crate) fn price(
        &self,
        h: &Horizon,
        book: &PriceBook,
        notes: &mut Vec<Note>,
        out: &mut [Vec<Line>],
    ) -> ProductDetail {
        match self {
            ProductSpec::Tcr(s) => {
                ProductDetail::Tcr(tcr::lines::price_tcr(h, book, s, None, notes, out))
            }
            ProductSpec::Tcss(s) => ProductDetail::Tcss(tcss::lines::price(h, book, s, notes, out)),
            ProductSpec::ImageSearch(s) => {
                ProductDetail::ImageSearch(image_search::lines::price(h, book, s, None, notes, out))
            }
        }
    }

    /// Every alternative way to buy the product for the whole scenario.
    pub(crate) fn alternatives(
        &self,
        book: &PriceBook,
        sum: &Summary,
        scratch: &mut Vec<Note>,
    ) -> Vec<Alternative> {
        match self {
            ProductSpec::Tcr(s) => tcr::alternatives(s, book, sum, scratch),
            ProductSpec::Tcss(s) => tcss::alternatives(s, book, sum, scratch),
            ProductSpec::ImageSearch(s) => image_search::alternatives(s, book, sum, scratch),
        }
    }

    pub fn as_tcr(&self) -> Option<&tcr::TcrSpec> {
        match self {
            ProductSpec::Tcr(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_tcss(&self) -> Option<&tcss::TcssSpec> {
        match self {
            ProductSpec::Tcss(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_image_search(&self) -> Option<&image_search::ImageSearchSpec> {
        match self {
            ProductSpec::ImageSearch(s) => Some(s),
            _ => None,
        }
    }
}

impl ProductDetail {
    pub fn product(&self) -> Product {
        match self {
            ProductDetail::Tcr(_) => Product::Tcr,
            ProductDetail::Tcss(_) => Product::Tcss,
            ProductDetail::ImageSearch(_) => Product::ImageSearch,
        }
    }
}
