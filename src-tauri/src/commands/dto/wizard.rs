//! The choices the wizard and the Prices screen offer, from the price book.

use pricing::{Currency, Edition, Product, Site};
use serde::Serialize;
use ts_rs::TS;

/// A TCR region as the wizard offers it; `priced` is false where prices are assumed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RegionOption {
    pub region: String,
    pub name: String,
    pub name_zh: String,
    pub group: String,
    pub availability: Option<String>,
    pub priced: bool,
}

impl From<&pricing::book::Region> for RegionOption {
    fn from(r: &pricing::book::Region) -> Self {
        let pricing::book::Region {
            region,
            name,
            name_zh,
            group,
            availability,
            listed_by_s000: _,
            priced_by_assumption,
        } = r;
        Self {
            region: region.clone(),
            name: name.clone(),
            name_zh: name_zh.clone(),
            group: group.clone(),
            availability: availability.clone(),
            priced: !priced_by_assumption,
        }
    }
}

/// A TCR edition with its name on each Tencent site (Premium is "Advanced" internationally).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EditionOptionInfo {
    pub edition: Edition,
    pub title_intl: String,
    pub title_cn: String,
}

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

/// The Image Search packages (`CAPACITY/QPS`) sold on one site, smallest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SitePackages {
    pub site: Site,
    pub packages: Vec<String>,
}

/// The choices the wizard offers, from the price book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WizardOptions {
    pub regions: Vec<RegionOption>,
    pub editions: Vec<EditionOptionInfo>,
    pub sites: Vec<ProductSites>,
    pub packages: Vec<SitePackages>,
}
