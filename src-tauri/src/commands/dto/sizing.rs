//! How each product is sized: TCR editions, TCSS licences, Image Search packages.

use pricing::{Currency, Edition, Site};
use serde::Serialize;
use ts_rs::TS;

use super::{dec, opt_dec, MessageView};

/// A requirement an edition does not meet (rule TCR-FIT-1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShortfallView {
    pub requirement: String,
    pub needed: String,
    pub allowed: String,
    pub by_ticket: bool,
    pub message: MessageView,
}

/// One TCR edition in one month: whether it fits and what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EditionOptionView {
    pub edition: Edition,
    pub feasible: bool,
    pub needs_ticket: bool,
    /// In the site currency; absent when a price is missing.
    pub cost: Option<String>,
    pub shortfalls: Vec<ShortfallView>,
}

impl From<&pricing::products::tcr::EditionOption> for EditionOptionView {
    fn from(o: &pricing::products::tcr::EditionOption) -> Self {
        let pricing::products::tcr::EditionOption { edition, fit, cost } = o;
        let pricing::products::tcr::Fit {
            edition: _,
            shortfalls,
        } = fit;
        Self {
            edition: *edition,
            feasible: fit.feasible(),
            needs_ticket: fit.needs_ticket(),
            cost: opt_dec(*cost),
            shortfalls: shortfalls
                .iter()
                .map(|s| {
                    let pricing::products::tcr::Shortfall {
                        requirement,
                        needed,
                        allowed,
                        by_ticket,
                        // The rest is what the message is made from.
                        ..
                    } = s;
                    ShortfallView {
                        requirement: requirement.to_string(),
                        needed: needed.to_string(),
                        allowed: allowed.to_string(),
                        by_ticket: *by_ticket,
                        message: (&s.message()).into(),
                    }
                })
                .collect(),
        }
    }
}

/// TCR in one month: the edition priced and every edition's fit and cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TcrMonthView {
    pub month: String,
    /// Absent when no edition meets the requirements.
    pub edition: Option<Edition>,
    pub billing: String,
    pub needs_ticket: bool,
    pub options: Vec<EditionOptionView>,
}

impl From<&pricing::products::tcr::TcrMonth> for TcrMonthView {
    fn from(m: &pricing::products::tcr::TcrMonth) -> Self {
        let pricing::products::tcr::TcrMonth {
            month,
            edition,
            billing,
            options,
            needs_ticket,
        } = m;
        Self {
            month: month.to_string(),
            edition: *edition,
            billing: (*billing).to_owned(),
            needs_ticket: *needs_ticket,
            options: options.iter().map(EditionOptionView::from).collect(),
        }
    }
}

/// TCSS licence sizing in one month (rule TCSS-PRO-3), in the site currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TcssMonthView {
    pub month: String,
    pub licensed: String,
    pub max_cores: String,
    pub break_even_days: Option<String>,
    pub cost: Option<String>,
    pub all_prepaid: Option<String>,
    pub all_postpaid: Option<String>,
}

/// TCSS sizing over the scenario, in the site currency (`currency`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TcssView {
    pub site: Site,
    pub currency: Currency,
    pub billing: String,
    pub months: Vec<TcssMonthView>,
    pub total: Option<String>,
    pub all_prepaid: Option<String>,
    pub all_postpaid: Option<String>,
    pub saving_vs_prepaid: Option<String>,
    pub saving_vs_postpaid: Option<String>,
}

impl From<&pricing::products::tcss::TcssSummary> for TcssView {
    fn from(s: &pricing::products::tcss::TcssSummary) -> Self {
        let pricing::products::tcss::TcssSummary {
            site,
            billing,
            months,
            total,
            all_prepaid,
            all_postpaid,
            saving_vs_prepaid,
            saving_vs_postpaid,
        } = s;
        Self {
            site: *site,
            currency: site.currency(),
            billing: (*billing).to_owned(),
            months: months
                .iter()
                .map(|m| {
                    let pricing::products::tcss::TcssMonth {
                        month,
                        licensed,
                        max_cores,
                        break_even_days,
                        cost,
                        all_prepaid,
                        all_postpaid,
                    } = m;
                    TcssMonthView {
                        month: month.to_string(),
                        licensed: dec(*licensed),
                        max_cores: dec(*max_cores),
                        break_even_days: opt_dec(*break_even_days),
                        cost: opt_dec(*cost),
                        all_prepaid: opt_dec(*all_prepaid),
                        all_postpaid: opt_dec(*all_postpaid),
                    }
                })
                .collect(),
            total: opt_dec(*total),
            all_prepaid: opt_dec(*all_prepaid),
            all_postpaid: opt_dec(*all_postpaid),
            saving_vs_prepaid: opt_dec(*saving_vs_prepaid),
            saving_vs_postpaid: opt_dec(*saving_vs_postpaid),
        }
    }
}

/// The Image Search package of one month (`CAPACITY/QPS`), with the usage it must hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImageSearchMonthView {
    pub month: String,
    /// Absent when no package holds the month's images and QPS.
    pub package: Option<String>,
    pub images: String,
    pub qps: String,
}

/// A mid-cycle package change (rule IS-6); `amount` in `currency`, `kind` upgrade|downgrade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PackageChangeView {
    pub month: String,
    pub from: String,
    pub to: String,
    pub kind: String,
    pub amount: String,
    pub currency: Currency,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImageSearchView {
    pub months: Vec<ImageSearchMonthView>,
    pub changes: Vec<PackageChangeView>,
}

impl From<&pricing::products::image_search::ImageSearchSummary> for ImageSearchView {
    fn from(s: &pricing::products::image_search::ImageSearchSummary) -> Self {
        let pricing::products::image_search::ImageSearchSummary { months, changes } = s;
        Self {
            months: months
                .iter()
                .map(|m| {
                    let pricing::products::image_search::ImageSearchMonth {
                        month,
                        package,
                        images,
                        qps,
                    } = m;
                    ImageSearchMonthView {
                        month: month.to_string(),
                        package: package.map(|p| p.to_string()),
                        images: dec(*images),
                        qps: dec(*qps),
                    }
                })
                .collect(),
            changes: changes
                .iter()
                .map(|c| {
                    let pricing::products::image_search::packages::PackageChange {
                        month,
                        from,
                        to,
                        kind,
                        amount,
                        currency,
                    } = c;
                    PackageChangeView {
                        month: month.to_string(),
                        from: from.to_string(),
                        to: to.to_string(),
                        kind: (*kind).to_owned(),
                        amount: dec(*amount),
                        currency: *currency,
                    }
                })
                .collect(),
        }
    }
}
