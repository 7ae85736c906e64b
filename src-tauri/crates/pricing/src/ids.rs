//! Products, sites and editions (rules GEN-1, TCR-ED-1).
//!
//! These, with [`Currency`] and [`crate::YearMonth`], are Plancast's one vocabulary: the store
//! saves them in SQLite by their keys, the app sends them over IPC by the same keys, and with
//! the `ts` feature they derive their TypeScript types (string-literal unions) for the UI.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::money::Currency;

/// The three products Plancast plans for. The order is the display order (and `Ord`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Product {
    /// Tencent Cloud Container Registry.
    Tcr,
    /// Tencent Cloud Container Security Service.
    Tcss,
    /// Alibaba Cloud Image Search.
    ImageSearch,
}

impl Product {
    /// Every product, in display order.
    pub const ALL: [Product; 3] = [Product::Tcr, Product::Tcss, Product::ImageSearch];

    /// The stored and serialized name: `tcr`, `tcss` or `image_search`.
    pub fn key(self) -> &'static str {
        match self {
            Product::Tcr => "tcr",
            Product::Tcss => "tcss",
            Product::ImageSearch => "image_search",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == s)
    }

    /// The product's name as people say it.
    pub fn title(self) -> &'static str {
        match self {
            Product::Tcr => "Tencent Container Registry",
            Product::Tcss => "Tencent Container Security Service",
            Product::ImageSearch => "Alibaba Cloud Image Search",
        }
    }

    /// The sites that sell the product (rule GEN-1).
    pub fn sites(self) -> [Site; 2] {
        match self {
            Product::Tcr | Product::Tcss => [Site::TencentIntl, Site::TencentCn],
            Product::ImageSearch => [Site::AliyunCn, Site::AliyunIntl],
        }
    }
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A site: a price list in one currency (rule GEN-1). The lists of a product are independent;
/// nothing is derived from another site by an exchange rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Site {
    #[serde(rename = "tencent-intl")]
    TencentIntl,
    #[serde(rename = "tencent-cn")]
    TencentCn,
    #[serde(rename = "aliyun-cn")]
    AliyunCn,
    #[serde(rename = "aliyun-intl")]
    AliyunIntl,
}

impl Site {
    pub const ALL: [Site; 4] = [
        Site::TencentIntl,
        Site::TencentCn,
        Site::AliyunCn,
        Site::AliyunIntl,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Site::TencentIntl => "tencent-intl",
            Site::TencentCn => "tencent-cn",
            Site::AliyunCn => "aliyun-cn",
            Site::AliyunIntl => "aliyun-intl",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.key() == s)
    }

    /// The currency the site's list is in (rule GEN-1).
    pub fn currency(self) -> Currency {
        match self {
            Site::TencentIntl | Site::AliyunIntl => Currency::Usd,
            Site::TencentCn | Site::AliyunCn => Currency::Cny,
        }
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// TCR editions, cheapest quota first (rule TCR-ED-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Edition {
    Personal,
    Basic,
    Standard,
    Premium,
}

impl Edition {
    pub const ALL: [Edition; 4] = [
        Edition::Personal,
        Edition::Basic,
        Edition::Standard,
        Edition::Premium,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Edition::Personal => "personal",
            Edition::Basic => "basic",
            Edition::Standard => "standard",
            Edition::Premium => "premium",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.key() == s)
    }

    /// The edition's name on a site: Premium is called "Advanced" on the international site
    /// (rule TCR-ED-1).
    pub fn title(self, site: Site) -> &'static str {
        match (self, site) {
            (Edition::Personal, _) => "Personal",
            (Edition::Basic, _) => "Basic",
            (Edition::Standard, _) => "Standard",
            (Edition::Premium, Site::TencentIntl) => "Advanced",
            (Edition::Premium, _) => "Premium",
        }
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcr_ed_1_four_editions_with_site_names() {
        // rule TCR-ED-1
        assert_eq!(Edition::ALL.len(), 4);
        assert_eq!(Edition::Premium.title(Site::TencentIntl), "Advanced");
        assert_eq!(Edition::Premium.title(Site::TencentCn), "Premium");
    }

    /// The key is what the store saves and the serde name is what crosses IPC: one text.
    #[test]
    fn keys_are_the_serialized_names_and_read_back() {
        fn json(value: impl Serialize) -> String {
            serde_json::to_value(value)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        }
        for p in Product::ALL {
            assert_eq!(json(p), p.key());
            assert_eq!(Product::from_key(p.key()), Some(p));
        }
        for s in Site::ALL {
            assert_eq!(json(s), s.key());
            assert_eq!(Site::from_key(s.key()), Some(s));
        }
        for e in Edition::ALL {
            assert_eq!(json(e), e.key());
            assert_eq!(Edition::from_key(e.key()), Some(e));
        }
        for c in Currency::ALL {
            assert_eq!(json(c), c.code());
            assert_eq!(c.code().parse::<Currency>(), Ok(c));
        }
        assert_eq!(Product::from_key("TCR"), None);
        assert_eq!("usd".parse::<Currency>(), Err(()));
    }

    #[test]
    fn gen_1_sites_have_their_own_currency() {
        // rule GEN-1
        assert_eq!(Site::TencentIntl.currency(), Currency::Usd);
        assert_eq!(Site::TencentCn.currency(), Currency::Cny);
        assert_eq!(Site::AliyunCn.currency(), Currency::Cny);
        assert_eq!(Site::AliyunIntl.currency(), Currency::Usd);
        assert_eq!(
            Product::ImageSearch.sites(),
            [Site::AliyunCn, Site::AliyunIntl]
        );
    }
}
