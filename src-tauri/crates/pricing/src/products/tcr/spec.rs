//! The `tcr` part of a scenario: its types and how it is written back to a file.

use crate::ids::{Edition, Site};
use crate::quantity::Quantity;
use crate::read::quantity_json;
use serde_json::{json, Map, Value};

/// TCR webhook trigger types (rules TCR-Q-1, TCR-Q-2).
pub const WEBHOOKS: [&str; 4] = ["push_image", "pull_image", "delete_image", "helm_chart"];

/// What a TCR instance must offer (rule TCR-FIT-1).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Needs {
    pub namespaces: Option<Quantity>,
    pub image_repos: Option<Quantity>,
    pub helm_repos: Option<Quantity>,
    pub vpc_links: Option<Quantity>,
    pub log_retention_days: Option<Quantity>,
    pub cross_region_sync: bool,
    pub webhooks: Vec<String>,
    pub delivery_workflow: bool,
    pub vulnerability_scan: bool,
    pub block_vulnerable_images: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditionChoice {
    Auto,
    Fixed(Edition),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TcrBilling {
    Payg,
    Monthly,
}

impl TcrBilling {
    pub fn key(self) -> &'static str {
        match self {
            TcrBilling::Payg => "payg",
            TcrBilling::Monthly => "monthly",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TcrSpec {
    pub site: Site,
    pub region: String,
    pub edition: EditionChoice,
    pub billing: TcrBilling,
    pub hours: Option<Quantity>,
    pub needs: Needs,
    pub storage_gb: Quantity,
    pub egress_gb: Quantity,
}

impl TcrSpec {
    /// The `tcr` object of a scenario file.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("site".into(), json!(self.site.key()));
        m.insert("region".into(), json!(self.region));
        m.insert(
            "edition".into(),
            json!(match self.edition {
                EditionChoice::Auto => "auto",
                EditionChoice::Fixed(e) => e.key(),
            }),
        );
        m.insert("billing".into(), json!(self.billing.key()));
        if let Some(h) = &self.hours {
            m.insert("hours".into(), quantity_json(h));
        }
        let n = &self.needs;
        let mut needs = Map::new();
        for (key, q) in [
            ("namespaces", &n.namespaces),
            ("image_repos", &n.image_repos),
            ("helm_repos", &n.helm_repos),
            ("vpc_links", &n.vpc_links),
            ("log_retention_days", &n.log_retention_days),
        ] {
            if let Some(q) = q {
                needs.insert(key.into(), quantity_json(q));
            }
        }
        for (key, flag) in [
            ("cross_region_sync", n.cross_region_sync),
            ("delivery_workflow", n.delivery_workflow),
            ("vulnerability_scan", n.vulnerability_scan),
            ("block_vulnerable_images", n.block_vulnerable_images),
        ] {
            if flag {
                needs.insert(key.into(), json!(true));
            }
        }
        if !n.webhooks.is_empty() {
            needs.insert("webhooks".into(), json!(n.webhooks));
        }
        m.insert("needs".into(), Value::Object(needs));
        m.insert("storage_gb".into(), quantity_json(&self.storage_gb));
        m.insert("egress_gb".into(), quantity_json(&self.egress_gb));
        Value::Object(m)
    }
}

impl TcrSpec {
    /// TCR growing `percent` a month: what grows its bill is stored and pulled images.
    pub(crate) fn with_growth(&self, percent: rust_decimal::Decimal) -> TcrSpec {
        TcrSpec {
            storage_gb: self.storage_gb.growing(percent),
            egress_gb: self.egress_gb.growing(percent),
            ..self.clone()
        }
    }
}
