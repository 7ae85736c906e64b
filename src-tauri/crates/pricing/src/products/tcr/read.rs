//! Reading the `tcr` object of a scenario file, every problem with its field path.

use rust_decimal::Decimal;

use super::spec::{EditionChoice, Needs, TcrBilling, TcrSpec, WEBHOOKS};
use crate::calendar::YearMonth;
use crate::ids::{Edition, Product};
use crate::jsonread::Json;
use crate::message::Message;
use crate::quantity::Quantity;
use crate::read::{get, Reader};

pub(crate) fn read(
    r: &mut Reader,
    v: &Json,
    months: Option<u32>,
    start: Option<YearMonth>,
) -> Option<TcrSpec> {
    let path = "tcr";
    let m = r.object(
        v,
        path,
        &[
            "site",
            "region",
            "edition",
            "billing",
            "hours",
            "needs",
            "storage_gb",
            "egress_gb",
        ],
    )?;
    let site = r.site(m, path, Product::Tcr);
    let region = r
        .required(m, path, "region")
        .and_then(|v| r.string(v, "tcr.region"));
    let region = region.and_then(|region| {
        let ok = region.len() <= 40
            && region.contains('-')
            && region
                .bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-');
        if ok {
            Some(region)
        } else {
            r.err(
                "tcr.region",
                Message::new("field.tcr_region").text("got", region.as_str()),
            );
            None
        }
    });
    let edition = match get(m, "edition") {
        None => Some(EditionChoice::Auto),
        Some(v) => r.choice(
            v,
            "tcr.edition",
            &["auto", "personal", "basic", "standard", "premium"],
            |s| {
                if s == "auto" {
                    Some(EditionChoice::Auto)
                } else {
                    Edition::from_key(s).map(EditionChoice::Fixed)
                }
            },
        ),
    };
    let billing = match get(m, "billing") {
        None => Some(TcrBilling::Payg),
        Some(v) => r.choice(v, "tcr.billing", &["payg", "monthly"], |s| match s {
            "payg" => Some(TcrBilling::Payg),
            "monthly" => Some(TcrBilling::Monthly),
            _ => None,
        }),
    };
    let hours = r.opt_quantity(m, path, "hours", months, false);
    // rule GEN-6: a month has days × 24 hours; more running hours than that is refused, as
    // TCSS's peak days beyond the month's days are.
    if let (Some(hours), Some(months), Some(start)) = (&hours, months, start) {
        if let Ok(series) = hours.series(months, false) {
            for (k, h) in series.iter().enumerate() {
                let month = start.plus(k as u32);
                if *h > month.hours() {
                    r.err(
                        "tcr.hours",
                        Message::new("field.hours_max")
                            .num("hours", month.hours())
                            .text("month", month.to_string())
                            .num("got", *h),
                    );
                    break;
                }
            }
        }
    }
    let needs = match get(m, "needs") {
        None => Some(Needs::default()),
        Some(v) => read_needs(r, v, months),
    };
    let storage_gb = r
        .opt_quantity(m, path, "storage_gb", months, false)
        .unwrap_or(Quantity::Constant(Decimal::ZERO));
    let egress_gb = r
        .opt_quantity(m, path, "egress_gb", months, false)
        .unwrap_or(Quantity::Constant(Decimal::ZERO));
    Some(TcrSpec {
        site: site?,
        region: region?,
        edition: edition?,
        billing: billing?,
        hours,
        needs: needs?,
        storage_gb,
        egress_gb,
    })
}

fn read_needs(r: &mut Reader, v: &Json, months: Option<u32>) -> Option<Needs> {
    let path = "tcr.needs";
    let keys = [
        "namespaces",
        "image_repos",
        "helm_repos",
        "vpc_links",
        "log_retention_days",
        "cross_region_sync",
        "webhooks",
        "delivery_workflow",
        "vulnerability_scan",
        "block_vulnerable_images",
    ];
    let m = r.object(v, path, &keys)?;
    let mut n = Needs {
        namespaces: r.opt_quantity(m, path, "namespaces", months, true),
        image_repos: r.opt_quantity(m, path, "image_repos", months, true),
        helm_repos: r.opt_quantity(m, path, "helm_repos", months, true),
        vpc_links: r.opt_quantity(m, path, "vpc_links", months, true),
        log_retention_days: r.opt_quantity(m, path, "log_retention_days", months, true),
        cross_region_sync: r.boolean(get(m, "cross_region_sync"), "tcr.needs.cross_region_sync"),
        delivery_workflow: r.boolean(get(m, "delivery_workflow"), "tcr.needs.delivery_workflow"),
        vulnerability_scan: r.boolean(get(m, "vulnerability_scan"), "tcr.needs.vulnerability_scan"),
        block_vulnerable_images: r.boolean(
            get(m, "block_vulnerable_images"),
            "tcr.needs.block_vulnerable_images",
        ),
        webhooks: Vec::new(),
    };
    if let Some(v) = get(m, "webhooks") {
        if let Some(items) = r.list(v, "tcr.needs.webhooks") {
            for (i, item) in items.iter().enumerate() {
                let p = format!("tcr.needs.webhooks[{i}]");
                if let Some(w) = r.choice(item, &p, &WEBHOOKS, |s| {
                    WEBHOOKS.contains(&s).then(|| s.to_string())
                }) {
                    if n.webhooks.contains(&w) {
                        r.err(
                            &p,
                            Message::new("field.listed_twice").text("value", w.as_str()),
                        );
                    } else {
                        n.webhooks.push(w);
                    }
                }
            }
        }
    }
    Some(n)
}
