//! Products, sites, editions and price items (rules GEN-1, GEN-3, TCR-ED-1).
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
    pub const fn key(self) -> &'static str {
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

/// What a price-book entry prices (a price, a quota or a limit) and what a quote line charges
/// (rule GEN-3). Stored, sent over IPC and written in every report by its key (`cos_storage`).
///
/// The variants are declared in the order of their keys, so sorting by item sorts as the keys'
/// text does. A product adds its items here; [`PriceItem::product`] says whose each is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PriceItem {
    /// TCR Enterprise traffic out of COS, per GB (rule TCR-B-7).
    CosEgress,
    /// TCR Enterprise storage in COS, per GB-month (rule TCR-B-7).
    CosStorage,
    /// A quote line: an edition's traffic, priced by `cos_egress` (rule TCR-B-6).
    Egress,
    /// The least elastic cap TCSS accepts, in cores a day (rule TCSS-PRO-5).
    ElasticCapMin,
    /// A quote line: image scanning, by quota (`image_scan_quota`) or per image
    /// (`image_scan_auth`).
    ImageScan,
    /// One image-scan authorization (rule TCSS-SCAN-1).
    ImageScanAuth,
    /// A month of image-scan quota (rules TCSS-SCAN-2, TCSS-SCAN-4).
    ImageScanQuota,
    /// The quota a repeat scan uses (rules TCSS-SCAN-2, TCSS-SCAN-4).
    ImageScanRepeatWeight,
    /// The step image-scan quota is bought in (rules TCSS-SCAN-2, TCSS-SCAN-4).
    ImageScanStep,
    /// A quote line: an edition's instance, priced by `instance_hourly` or `instance_monthly`.
    Instance,
    /// An Enterprise instance by the hour, per edition and region (rules TCR-B-1…TCR-B-3).
    InstanceHourly,
    /// An instance by the month (rule TCR-B-4). No price is published (rule GEN-5): only
    /// users supply it, and the built-in book has none.
    InstanceMonthly,
    /// Whether monthly billing is sold on a site at all (rule TCR-B-4).
    InstanceMonthlyOffered,
    /// Log-analysis capacity, per GB-month (rule TCSS-LOG-1); also the quote line.
    LogAnalysis,
    /// The least log-analysis capacity sold (rule TCSS-LOG-1).
    LogAnalysisMinGb,
    /// The step log-analysis capacity is sold in (rule TCSS-LOG-1).
    LogAnalysisStepGb,
    /// A quote line: cores beyond the licence, priced by `pro_postpaid` (rule TCSS-PRO-4).
    Overage,
    /// An Image Search package (`CAPACITY/QPS`) for a month (rule IS-2); also the quote line.
    Package,
    /// TCSS Pro pay-as-you-go, per core-day (rule TCSS-PRO-2); also the quote line.
    ProPostpaid,
    /// TCSS Pro prepaid, per core-month (rule TCSS-PRO-1); also the quote line.
    ProPrepaid,
    /// The months a prepaid licence is bought for at least (rule TCSS-PRO-1).
    ProPrepaidMinMonths,
    /// A quote line: an edition's storage, priced by `cos_storage` (rule TCR-B-5).
    Storage,
    /// The days of the TCSS trial (rule TCSS-T-1).
    TrialDays,
    /// The months of the Image Search trial (rule IS-5).
    TrialMonths,
}

impl PriceItem {
    /// Every item, in the order of their keys.
    pub const ALL: [PriceItem; 24] = [
        PriceItem::CosEgress,
        PriceItem::CosStorage,
        PriceItem::Egress,
        PriceItem::ElasticCapMin,
        PriceItem::ImageScan,
        PriceItem::ImageScanAuth,
        PriceItem::ImageScanQuota,
        PriceItem::ImageScanRepeatWeight,
        PriceItem::ImageScanStep,
        PriceItem::Instance,
        PriceItem::InstanceHourly,
        PriceItem::InstanceMonthly,
        PriceItem::InstanceMonthlyOffered,
        PriceItem::LogAnalysis,
        PriceItem::LogAnalysisMinGb,
        PriceItem::LogAnalysisStepGb,
        PriceItem::Overage,
        PriceItem::Package,
        PriceItem::ProPostpaid,
        PriceItem::ProPrepaid,
        PriceItem::ProPrepaidMinMonths,
        PriceItem::Storage,
        PriceItem::TrialDays,
        PriceItem::TrialMonths,
    ];

    /// The items a user price may set (rule GEN-3), product by product, in the order the
    /// Prices screen offers them. Each has a [`PriceItem::unit`].
    pub const USER: [PriceItem; 9] = [
        PriceItem::InstanceHourly,
        PriceItem::InstanceMonthly,
        PriceItem::CosStorage,
        PriceItem::CosEgress,
        PriceItem::ProPrepaid,
        PriceItem::ProPostpaid,
        PriceItem::ImageScanQuota,
        PriceItem::LogAnalysis,
        PriceItem::Package,
    ];

    /// The stored and serialized name: `cos_storage`, `pro_prepaid`, …
    pub fn key(self) -> &'static str {
        match self {
            PriceItem::CosEgress => "cos_egress",
            PriceItem::CosStorage => "cos_storage",
            PriceItem::Egress => "egress",
            PriceItem::ElasticCapMin => "elastic_cap_min",
            PriceItem::ImageScan => "image_scan",
            PriceItem::ImageScanAuth => "image_scan_auth",
            PriceItem::ImageScanQuota => "image_scan_quota",
            PriceItem::ImageScanRepeatWeight => "image_scan_repeat_weight",
            PriceItem::ImageScanStep => "image_scan_step",
            PriceItem::Instance => "instance",
            PriceItem::InstanceHourly => "instance_hourly",
            PriceItem::InstanceMonthly => "instance_monthly",
            PriceItem::InstanceMonthlyOffered => "instance_monthly_offered",
            PriceItem::LogAnalysis => "log_analysis",
            PriceItem::LogAnalysisMinGb => "log_analysis_min_gb",
            PriceItem::LogAnalysisStepGb => "log_analysis_step_gb",
            PriceItem::Overage => "overage",
            PriceItem::Package => "package",
            PriceItem::ProPostpaid => "pro_postpaid",
            PriceItem::ProPrepaid => "pro_prepaid",
            PriceItem::ProPrepaidMinMonths => "pro_prepaid_min_months",
            PriceItem::Storage => "storage",
            PriceItem::TrialDays => "trial_days",
            PriceItem::TrialMonths => "trial_months",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.key() == s)
    }

    /// The product the item belongs to.
    pub fn product(self) -> Product {
        match self {
            PriceItem::CosEgress
            | PriceItem::CosStorage
            | PriceItem::Egress
            | PriceItem::Instance
            | PriceItem::InstanceHourly
            | PriceItem::InstanceMonthly
            | PriceItem::InstanceMonthlyOffered
            | PriceItem::Storage => Product::Tcr,
            PriceItem::ElasticCapMin
            | PriceItem::ImageScan
            | PriceItem::ImageScanAuth
            | PriceItem::ImageScanQuota
            | PriceItem::ImageScanRepeatWeight
            | PriceItem::ImageScanStep
            | PriceItem::LogAnalysis
            | PriceItem::LogAnalysisMinGb
            | PriceItem::LogAnalysisStepGb
            | PriceItem::Overage
            | PriceItem::ProPostpaid
            | PriceItem::ProPrepaid
            | PriceItem::ProPrepaidMinMonths
            | PriceItem::TrialDays => Product::Tcss,
            PriceItem::Package | PriceItem::TrialMonths => Product::ImageSearch,
        }
    }

    /// The unit the item is priced or counted in, as the price book writes it; `None` for a
    /// quote line whose unit depends on how it is bought (an instance by the hour or by the
    /// month, image scans by quota or per image).
    pub fn unit(self) -> Option<&'static str> {
        match self {
            PriceItem::CosEgress
            | PriceItem::Egress
            | PriceItem::LogAnalysisMinGb
            | PriceItem::LogAnalysisStepGb => Some("GB"),
            PriceItem::CosStorage | PriceItem::LogAnalysis | PriceItem::Storage => Some("GB-month"),
            PriceItem::ElasticCapMin => Some("core/day"),
            PriceItem::ImageScan | PriceItem::Instance => None,
            PriceItem::ImageScanAuth => Some("authorization"),
            PriceItem::ImageScanQuota => Some("quota-month"),
            PriceItem::ImageScanRepeatWeight => Some("quota/scan"),
            PriceItem::ImageScanStep => Some("quota"),
            PriceItem::InstanceHourly => Some("hour"),
            PriceItem::InstanceMonthly
            | PriceItem::Package
            | PriceItem::ProPrepaidMinMonths
            | PriceItem::TrialMonths => Some("month"),
            PriceItem::InstanceMonthlyOffered => Some("flag"),
            PriceItem::Overage | PriceItem::ProPostpaid => Some("core-day"),
            PriceItem::ProPrepaid => Some("core-month"),
            PriceItem::TrialDays => Some("day"),
        }
    }

    /// Whether a user price may set the item ([`PriceItem::USER`]).
    pub fn user_priced(self) -> bool {
        Self::USER.contains(&self)
    }

    /// The item a user price sets to price a quote line of this item charged in `unit` (rule
    /// GEN-5: a missing price is entered by the user): the item itself when a user may price
    /// it, else the one user item of the same product sold in that unit (TCR's `instance` by
    /// the hour is `instance_hourly`, by the month `instance_monthly`; its `storage` is
    /// `cos_storage`). None when no user item, or more than one, fits.
    pub fn user_item_for(self, unit: &str) -> Option<PriceItem> {
        if self.user_priced() {
            return Some(self);
        }
        let mut fitting = Self::USER
            .into_iter()
            .filter(|u| u.product() == self.product() && u.unit() == Some(unit));
        match (fitting.next(), fitting.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }
}

impl fmt::Display for PriceItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rule GEN-5: the price a user enters for a line without one is for the item that prices
    /// it, in the line's unit.
    #[test]
    fn gen_5_a_line_is_priced_by_the_user_item_of_its_product_and_unit() {
        use PriceItem::*;
        assert_eq!(Instance.user_item_for("hour"), Some(InstanceHourly));
        assert_eq!(Instance.user_item_for("month"), Some(InstanceMonthly));
        assert_eq!(Storage.user_item_for("GB-month"), Some(CosStorage));
        assert_eq!(Egress.user_item_for("GB"), Some(CosEgress));
        assert_eq!(Overage.user_item_for("core-day"), Some(ProPostpaid));
        assert_eq!(Package.user_item_for("month"), Some(Package));
        assert_eq!(LogAnalysis.user_item_for("GB-month"), Some(LogAnalysis));
        // No user item of TCSS is sold per scan, and none of TCR by the day.
        assert_eq!(ImageScan.user_item_for("scan"), None);
        assert_eq!(Instance.user_item_for("day"), None);
        for item in PriceItem::USER {
            assert_eq!(item.user_item_for("anything"), Some(item));
        }
    }

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
        for i in PriceItem::ALL {
            assert_eq!(json(i), i.key());
            assert_eq!(PriceItem::from_key(i.key()), Some(i));
        }
        for c in Currency::ALL {
            assert_eq!(json(c), c.code());
            assert_eq!(c.code().parse::<Currency>(), Ok(c));
        }
        assert_eq!(Product::from_key("TCR"), None);
        assert_eq!(PriceItem::from_key("pro_premium"), None);
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

    /// Sorting by item sorts as the keys do (reports and lists that sort by item are unchanged
    /// by the enum), and every item a user may price has a unit to default to.
    #[test]
    fn price_items_are_in_key_order_and_user_items_have_units() {
        let keys: Vec<&str> = PriceItem::ALL.iter().map(|i| i.key()).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(keys, sorted);
        for i in PriceItem::USER {
            assert!(i.user_priced());
            assert!(i.unit().is_some(), "{i} has no unit");
        }
        assert!(!PriceItem::ImageScanStep.user_priced());
        assert_eq!(PriceItem::Package.product(), Product::ImageSearch);
        assert_eq!(PriceItem::Instance.unit(), None);
    }
}
