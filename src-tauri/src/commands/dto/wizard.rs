//! The sites the wizard and the Prices screen offer.

use pricing::{Currency, Product, Site};
use serde::Serialize;
use ts_rs::TS;

/// A site and its currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SiteOption {
    pub site: Site,
    pub currency: Currency,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProductSites {
    pub product: Product,
    pub sites: Vec<SiteOption>,
}

/// The sites the wizard offers for each product, with the currency each bills in. The rest of
/// a product's step comes from its form (`pricing::form`, generated into `ui/src/forms.ts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WizardOptions {
    pub sites: Vec<ProductSites>,
}
