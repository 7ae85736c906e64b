//! The products Plancast prices, one folder each: its part of the scenario (types, reading
//! with field paths, writing back), its month-by-month pricing, its alternatives and its
//! messages. Quote, compare, budgets, reports, the command line and the app reach a product
//! only through [`ProductSpec`] and [`ProductDetail`], which [`products!`] generates from one
//! line per product; each folder implements [`ProductModule`] on its `Module`.
//! `docs/adding-a-product.md` walks through adding one.

use rust_decimal::Decimal;
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

/// What a product's folder provides, implemented on its `Module` (with its `Spec` and `Detail`
/// also named as public types of the folder): the one interface the rest of Plancast reaches a
/// product through (by [`ProductSpec`] and [`ProductDetail`]).
pub(crate) trait ProductModule {
    /// Its part of a scenario.
    type Spec;
    /// What its pricing reports besides its lines.
    type Detail;
    const PRODUCT: Product;
    /// The most lines it writes in one month, to size each month's list once.
    const MOST_LINES: usize;
    /// Reads its object of a scenario file, every problem reported with its field path.
    fn read(
        r: &mut Reader,
        v: &Json,
        months: Option<u32>,
        start: Option<YearMonth>,
    ) -> Option<Self::Spec>;
    /// Its step of the app's scenario wizard, with the choices `book` offers.
    fn form(book: &PriceBook) -> ProductForm;
    /// The product with what drives its bill growing `percent` a month (rule BUD-4).
    fn with_growth(spec: &Self::Spec, percent: Decimal) -> Self::Spec;
    /// The site it is bought on, which fixes its currency (rule GEN-1).
    fn site(spec: &Self::Spec) -> Site;
    /// Its object in a scenario file.
    fn to_json(spec: &Self::Spec) -> Value;
    /// Checks across its fields once the whole file is read.
    fn cross_check(_spec: &Self::Spec, _h: &Horizon, _errors: &mut Vec<FieldError>) {}
    /// Checks that need the price book (a dated minimum, for example).
    fn check_against_book(
        _spec: &Self::Spec,
        _h: &Horizon,
        _book: &PriceBook,
        _errors: &mut Vec<FieldError>,
    ) {
    }
    /// Prices it month by month, appending each month's lines to `out[k]` and the quote's
    /// notes to `notes`.
    fn price(
        spec: &Self::Spec,
        h: &Horizon,
        book: &PriceBook,
        notes: &mut Vec<Note>,
        out: &mut [Vec<Line>],
    ) -> Self::Detail;
    /// Every alternative way to buy it for the whole scenario.
    fn alternatives(
        spec: &Self::Spec,
        book: &PriceBook,
        sum: &Summary,
        scratch: &mut Vec<Note>,
    ) -> Vec<Alternative>;
}

/// The products, one line each (`Variant => folder`, in [`Product::ALL`] order): their
/// modules, [`ProductSpec`], [`ProductDetail`] and every dispatch from them to the folder.
macro_rules! products {
    ($($variant:ident => $module:ident),+ $(,)?) => {
        $(pub mod $module;)+

        /// One product's part of a scenario.
        #[derive(Debug, Clone, PartialEq)]
        pub enum ProductSpec {
            $($variant($module::Spec),)+
        }

        /// What a product's pricing reports besides its lines: TCR's edition each month,
        /// TCSS's licence sizing, Image Search's packages and changes.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(tag = "product", content = "detail", rename_all = "snake_case")]
        pub enum ProductDetail {
            $($variant($module::Detail),)+
        }

        /// The product's step of the app's scenario wizard, with the choices `book` offers.
        pub fn form(product: Product, book: &PriceBook) -> ProductForm {
            match product {
                $(Product::$variant => <$module::Module as ProductModule>::form(book),)+
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
                $(Product::$variant => ProductSpec::$variant(
                    <$module::Module as ProductModule>::read(r, v, months, start)?,
                ),)+
            })
        }

        impl ProductSpec {
            /// The product with what drives its bill growing `percent` a month (a growth
            /// suggested from actual spend, rule BUD-4).
            pub fn with_growth(&self, percent: Decimal) -> ProductSpec {
                match self {
                    $(ProductSpec::$variant(s) => ProductSpec::$variant(
                        <$module::Module as ProductModule>::with_growth(s, percent),
                    ),)+
                }
            }

            pub fn product(&self) -> Product {
                match self {
                    $(ProductSpec::$variant(_) => <$module::Module as ProductModule>::PRODUCT,)+
                }
            }

            /// The site it is bought on, which fixes its currency (rule GEN-1).
            pub fn site(&self) -> Site {
                match self {
                    $(ProductSpec::$variant(s) => <$module::Module as ProductModule>::site(s),)+
                }
            }

            /// The product's object in a scenario file.
            pub fn to_json(&self) -> Value {
                match self {
                    $(ProductSpec::$variant(s) => <$module::Module as ProductModule>::to_json(s),)+
                }
            }

            /// The most lines the product writes in one month, to size each month's list once.
            pub(crate) fn most_lines(&self) -> usize {
                match self {
                    $(ProductSpec::$variant(_) => <$module::Module as ProductModule>::MOST_LINES,)+
                }
            }

            /// Checks across the product's fields once the whole file is read.
            pub(crate) fn cross_check(&self, h: &Horizon, errors: &mut Vec<FieldError>) {
                match self {
                    $(ProductSpec::$variant(s) => {
                        <$module::Module as ProductModule>::cross_check(s, h, errors)
                    })+
                }
            }

            /// Checks that need the price book (a dated minimum, for example).
            pub(crate) fn check_against_book(
                &self,
                h: &Horizon,
                book: &PriceBook,
                errors: &mut Vec<FieldError>,
            ) {
                match self {
                    $(ProductSpec::$variant(s) => {
                        <$module::Module as ProductModule>::check_against_book(s, h, book, errors)
                    })+
                }
            }

            /// Prices the product month by month, appending each month's lines to `out[k]` and
            /// the quote's notes to `notes`.
            pub(crate) fn price(
                &self,
                h: &Horizon,
                book: &PriceBook,
                notes: &mut Vec<Note>,
                out: &mut [Vec<Line>],
            ) -> ProductDetail {
                match self {
                    $(ProductSpec::$variant(s) => ProductDetail::$variant(
                        <$module::Module as ProductModule>::price(s, h, book, notes, out),
                    ),)+
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
                    $(ProductSpec::$variant(s) => {
                        <$module::Module as ProductModule>::alternatives(s, book, sum, scratch)
                    })+
                }
            }
        }

        impl ProductDetail {
            pub fn product(&self) -> Product {
                match self {
                    $(ProductDetail::$variant(_) => <$module::Module as ProductModule>::PRODUCT,)+
                }
            }
        }
    };
}

products! {
    Tcr => tcr,
    Tcss => tcss,
    ImageSearch => image_search,
}

/// The scenario-file key of each product, in [`Product::ALL`] order.
pub const KEYS: [&str; Product::ALL.len()] = {
    let mut keys = [""; Product::ALL.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = Product::ALL[i].key();
        i += 1;
    }
    keys
};

/// Views of one product's part, for code about that product (its detail views, tests).
impl ProductSpec {
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
