//! Whether an edition meets a month's requirements, and what it lacks (rules TCR-Q-1…TCR-Q-3,
//! TCR-FIT-1).

use compact_str::{CompactString, ToCompactString};
use rust_decimal::Decimal;
use serde::Serialize;

use super::spec::TcrSpec;
use crate::book::QuotaVersion;
use crate::ids::{Edition, Site};
use crate::message::Message;
use crate::money::Figure;
use crate::quantity::Quantity;

/// One month's TCR requirements, as exact values (counts already rounded up, rule GEN-7).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Requirements {
    pub namespaces: Decimal,
    pub image_repos: Decimal,
    pub helm_repos: Decimal,
    pub vpc_links: Decimal,
    pub log_retention_days: Decimal,
    pub cross_region_sync: bool,
    pub webhooks: Vec<String>,
    pub delivery_workflow: bool,
    pub vulnerability_scan: bool,
    pub block_vulnerable_images: bool,
}

/// A requirement an edition does not meet (rule TCR-FIT-1).
///
/// Kept as data; its [`Shortfall::message`] is made when asked for: a quote finds the
/// shortfalls of every edition in every month and most are never read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall {
    /// The requirement's field name in `tcr.needs`.
    pub requirement: CompactString,
    pub needed: CompactString,
    pub allowed: CompactString,
    /// Premium can raise this quota by ticket (rule TCR-Q-3).
    pub by_ticket: bool,
    /// Which sentence says it.
    kind: MissKind,
    /// The edition and site, which name the edition (rule TCR-ED-1).
    edition: Edition,
    site: Site,
}

/// Which message a [`Shortfall`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MissKind {
    /// More than the quota allows, for example namespaces.
    Count,
    /// A feature the edition does not offer, for example vulnerability blocking.
    Feature,
    /// Webhook triggers the edition does not offer.
    Webhooks,
}

impl Shortfall {
    /// `tcr.requirement_unmet` ("needs 60 namespaces; Basic allows 50"), `tcr.feature_missing`
    /// or `tcr.webhooks_missing`, with the requirement, what is needed and what is allowed.
    pub fn message(&self) -> Message {
        let code = match self.kind {
            MissKind::Count => "tcr.requirement_unmet",
            MissKind::Feature => "tcr.feature_missing",
            MissKind::Webhooks => "tcr.webhooks_missing",
        };
        let m = Message::new(code)
            .text("requirement", &self.requirement)
            .text("needed", &self.needed)
            .text("allowed", &self.allowed)
            .text("edition", self.edition.key())
            .text("site", self.site.key());
        match self.kind {
            MissKind::Count => m.flag("ticket", self.by_ticket),
            // The triggers by name too, for languages that do not write the keys.
            MissKind::Webhooks => m
                .list("needed_names", webhook_names(&self.needed))
                .list("allowed_names", webhook_names(&self.allowed))
                .flag("none_offered", self.allowed == "none"),
            MissKind::Feature => m,
        }
    }

    /// The message in English.
    pub fn text(&self) -> String {
        self.message().render(crate::message::Lang::En)
    }
}

/// `push_image, delete_image` as the messages naming each trigger (`tcr.webhooks.push_image`).
fn webhook_names(keys: &str) -> Vec<Message> {
    keys.split(", ")
        .filter(|k| super::spec::WEBHOOKS.contains(k))
        .map(|k| Message::new(&format!("tcr.webhooks.{k}")))
        .collect()
}

impl Serialize for Shortfall {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Shortfall", 5)?;
        s.serialize_field("requirement", &self.requirement)?;
        s.serialize_field("needed", &self.needed)?;
        s.serialize_field("allowed", &self.allowed)?;
        s.serialize_field("by_ticket", &self.by_ticket)?;
        s.serialize_field("message", &self.message())?;
        s.end()
    }
}

/// "Basic does not meet the requirements: …": the shortfalls that no ticket lifts.
pub fn edition_unmet(fit: &Fit, site: Site) -> Message {
    let binding: Vec<Message> = fit
        .shortfalls
        .iter()
        .filter(|s| !s.by_ticket)
        .map(Shortfall::message)
        .collect();
    Message::new("tcr.edition_unmet")
        .text("edition", fit.edition.key())
        .text("site", site.key())
        .list("shortfalls", binding)
}

/// Whether an edition meets a month's requirements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fit {
    pub edition: Edition,
    pub shortfalls: Vec<Shortfall>,
}

impl Fit {
    /// Every requirement is within quota, or only needs a ticket (rule TCR-FIT-2).
    pub fn feasible(&self) -> bool {
        self.shortfalls.iter().all(|s| s.by_ticket)
    }

    pub fn needs_ticket(&self) -> bool {
        !self.shortfalls.is_empty() && self.feasible()
    }
}

/// Per-month requirement series of a scenario.
#[derive(Debug, Clone)]
pub struct Series {
    pub requirements: Vec<Requirements>,
    pub storage_gb: Vec<Decimal>,
    pub egress_gb: Vec<Decimal>,
    pub hours: Option<Vec<Decimal>>,
}

fn series_or_zero(q: &Option<Quantity>, months: u32) -> Vec<Decimal> {
    q.as_ref()
        .and_then(|q| q.series(months, true).ok())
        .unwrap_or_else(|| vec![Decimal::ZERO; months as usize])
}

impl Series {
    /// Expands the scenario's quantities (already validated, so growth cannot fail here).
    pub fn of(spec: &TcrSpec, months: u32) -> Series {
        let n = &spec.needs;
        let [ns, repos, helm, vpc, logd] = [
            &n.namespaces,
            &n.image_repos,
            &n.helm_repos,
            &n.vpc_links,
            &n.log_retention_days,
        ]
        .map(|q| series_or_zero(q, months));
        let requirements = (0..months as usize)
            .map(|k| Requirements {
                namespaces: ns[k],
                image_repos: repos[k],
                helm_repos: helm[k],
                vpc_links: vpc[k],
                log_retention_days: logd[k],
                cross_region_sync: n.cross_region_sync,
                webhooks: n.webhooks.clone(),
                delivery_workflow: n.delivery_workflow,
                vulnerability_scan: n.vulnerability_scan,
                block_vulnerable_images: n.block_vulnerable_images,
            })
            .collect();
        let decimal = |q: &Quantity| {
            q.series(months, false)
                .unwrap_or_else(|_| vec![Decimal::ZERO; months as usize])
        };
        Series {
            requirements,
            storage_gb: decimal(&spec.storage_gb),
            egress_gb: decimal(&spec.egress_gb),
            hours: spec.hours.as_ref().map(decimal),
        }
    }
}

/// A requirement an edition does not meet, before it is written as a [`Shortfall`].
enum Miss<'a> {
    /// More than the quota allows.
    Count {
        requirement: &'static str,
        needed: Decimal,
        allowed: u32,
    },
    /// A feature the edition does not offer.
    Feature { requirement: &'static str },
    /// Webhook triggers the edition does not offer.
    Webhooks {
        missing: Vec<&'a str>,
        offered: &'a [String],
    },
}

/// Walks the requirements an edition does not meet, in the order a [`Fit`] lists them
/// (rule TCR-FIT-1). [`fit`] writes each one; [`feasible`] only asks whether one is binding.
fn each_miss<'a>(
    quotas: &'a QuotaVersion,
    edition: Edition,
    region: &str,
    req: &'a Requirements,
    mut miss: impl FnMut(Miss<'a>),
) {
    let q = &quotas.editions[&edition];
    // The requirements' names are in the message catalogue (`messages.tcr.requirements`).
    let counts = [
        ("namespaces", req.namespaces, q.namespaces),
        (
            "image_repos",
            req.image_repos,
            quotas.image_repos(edition, region),
        ),
        ("helm_repos", req.helm_repos, q.helm_repos),
        ("vpc_links", req.vpc_links, q.vpc_links),
        (
            "log_retention_days",
            req.log_retention_days,
            q.log_retention_days,
        ),
    ];
    for (requirement, needed, allowed) in counts {
        if exceeds(needed, allowed) {
            miss(Miss::Count {
                requirement,
                needed,
                allowed,
            });
        }
    }
    let features = [
        (
            "cross_region_sync",
            req.cross_region_sync,
            q.cross_region_sync,
        ),
        (
            "delivery_workflow",
            req.delivery_workflow,
            q.delivery_workflow,
        ),
        (
            "vulnerability_scan",
            req.vulnerability_scan,
            q.vulnerability_scan,
        ),
        (
            "block_vulnerable_images",
            req.block_vulnerable_images,
            q.block_vulnerable_images,
        ),
    ];
    for (requirement, needed, offered) in features {
        if needed && !offered {
            miss(Miss::Feature { requirement });
        }
    }
    if req.webhooks.iter().any(|w| !q.webhooks.contains(w)) {
        miss(Miss::Webhooks {
            missing: req
                .webhooks
                .iter()
                .filter(|w| !q.webhooks.contains(w))
                .map(String::as_str)
                .collect(),
            offered: &q.webhooks,
        });
    }
}

/// `needed > allowed`. Requirements are counts, whole and written without decimals (rule
/// GEN-7), so their mantissa is the number itself; any other is compared as a decimal.
pub(crate) fn exceeds(needed: Decimal, allowed: u32) -> bool {
    if needed.scale() == 0 {
        needed.mantissa() > i128::from(allowed)
    } else {
        needed > Decimal::from(allowed)
    }
}

/// Checks an edition against the quota version in force (rule TCR-FIT-1).
pub fn fit(
    quotas: &QuotaVersion,
    edition: Edition,
    site: Site,
    region: &str,
    req: &Requirements,
) -> Fit {
    let mut shortfalls = Vec::new();
    each_miss(quotas, edition, region, req, |m| {
        shortfalls.push(match m {
            Miss::Count {
                requirement,
                needed,
                allowed,
            } => Shortfall {
                requirement: requirement.into(),
                needed: Figure(needed).to_compact(),
                allowed: allowed.to_compact_string(),
                by_ticket: quotas.raisable(edition, requirement),
                kind: MissKind::Count,
                edition,
                site,
            },
            Miss::Feature { requirement } => Shortfall {
                requirement: requirement.into(),
                needed: "yes".into(),
                allowed: "no".into(),
                by_ticket: false,
                kind: MissKind::Feature,
                edition,
                site,
            },
            Miss::Webhooks { missing, offered } => Shortfall {
                requirement: "webhooks".into(),
                needed: missing.join(", ").into(),
                allowed: if offered.is_empty() {
                    "none".into()
                } else {
                    offered.join(", ").into()
                },
                by_ticket: false,
                kind: MissKind::Webhooks,
                edition,
                site,
            },
        })
    });
    Fit {
        edition,
        shortfalls,
    }
}

/// Whether an edition meets a month's requirements, raising quotas by ticket where the quota
/// version allows it: `fit(..).feasible()` without writing the shortfalls, for the comparison,
/// which asks it of every edition in every month (rules TCR-FIT-1, TCR-FIT-2).
pub fn feasible(quotas: &QuotaVersion, edition: Edition, region: &str, req: &Requirements) -> bool {
    let mut feasible = true;
    each_miss(quotas, edition, region, req, |m| {
        feasible &=
            matches!(m, Miss::Count { requirement, .. } if quotas.raisable(edition, requirement));
    });
    feasible
}

/// [`feasible`], and whether it takes a ticket (rule TCR-Q-3): `fit(..).feasible()` and
/// `fit(..).needs_ticket()` without writing the shortfalls.
pub fn standing(
    quotas: &QuotaVersion,
    edition: Edition,
    region: &str,
    req: &Requirements,
) -> (bool, bool) {
    let (mut feasible, mut ticket) = (true, false);
    each_miss(quotas, edition, region, req, |m| {
        let raisable =
            matches!(m, Miss::Count { requirement, .. } if quotas.raisable(edition, requirement));
        feasible &= raisable;
        ticket |= raisable;
    });
    (feasible, ticket && feasible)
}
