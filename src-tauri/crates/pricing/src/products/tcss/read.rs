//! Reading the `tcss` object of a scenario file, every problem with its field path.

use rust_decimal::prelude::*;

use super::spec::{ImageScan, TcssBilling, TcssSpec};
use crate::calendar::YearMonth;
use crate::ids::Product;
use crate::jsonread::Json;
use crate::message::Message;
use crate::quantity::Quantity;
use crate::read::{get, Reader};

pub(crate) fn read(
    r: &mut Reader,
    v: &Json,
    months: Option<u32>,
    start: Option<YearMonth>,
) -> Option<TcssSpec> {
    let path = "tcss";
    let keys = [
        "site",
        "billing",
        "cores",
        "licensed_cores",
        "peak_cores",
        "peak_days",
        "elastic_cap",
        "trial",
        "image_scan",
        "log_gb",
    ];
    let m = r.object(v, path, &keys)?;
    let site = r.site(m, path, Product::Tcss);
    let billing = match get(m, "billing") {
        None => Some(TcssBilling::Auto),
        Some(v) => r.choice(
            v,
            "tcss.billing",
            &["auto", "prepaid", "postpaid"],
            |s| match s {
                "auto" => Some(TcssBilling::Auto),
                "prepaid" => Some(TcssBilling::Prepaid),
                "postpaid" => Some(TcssBilling::Postpaid),
                _ => None,
            },
        ),
    };
    let cores = r
        .required(m, path, "cores")
        .and_then(|v| r.quantity(v, "tcss.cores", months, true));
    let licensed_cores = r.opt_quantity(m, path, "licensed_cores", months, true);
    if licensed_cores.is_some() && billing.is_some_and(|b| b != TcssBilling::Prepaid) {
        r.err(
            "tcss.licensed_cores",
            Message::new("field.licensed_cores_prepaid"),
        );
    }
    let peak_cores = r.opt_quantity(m, path, "peak_cores", months, true);
    let peak_days = r.opt_quantity(m, path, "peak_days", months, true);
    match (
        &peak_cores,
        &peak_days,
        get(m, "peak_cores"),
        get(m, "peak_days"),
    ) {
        (_, _, Some(_), None) => r.err("tcss.peak_days", Message::new("field.peak_days_required")),
        (_, _, None, Some(_)) => {
            r.err("tcss.peak_cores", Message::new("field.peak_cores_required"))
        }
        _ => {}
    }
    if let (Some(days), Some(months), Some(start)) = (&peak_days, months, start) {
        if let Ok(series) = days.series(months, true) {
            for (k, d) in series.iter().enumerate() {
                let month = start.plus(k as u32);
                if *d > Decimal::from(month.days()) {
                    r.err(
                        "tcss.peak_days",
                        Message::new("field.peak_days_max")
                            .text("days", month.days())
                            .text("month", month.to_string())
                            .num("got", *d),
                    );
                    break;
                }
            }
        }
    }
    let elastic_cap = get(m, "elastic_cap").and_then(|v| {
        r.bounded(v, "tcss.elastic_cap", "elastic_cap", |d| {
            d.fract().is_zero() && d >= Decimal::ONE && crate::read::bounds::quantity_ok(d)
        })
    });
    let trial = r.boolean(get(m, "trial"), "tcss.trial");
    let image_scan = get(m, "image_scan").and_then(|v| read_image_scan(r, v, months));
    let log_gb = r.opt_quantity(m, path, "log_gb", months, false);
    Some(TcssSpec {
        site: site?,
        billing: billing?,
        cores: cores?,
        licensed_cores,
        peak_cores,
        peak_days,
        elastic_cap,
        trial,
        image_scan,
        log_gb,
    })
}

fn read_image_scan(r: &mut Reader, v: &Json, months: Option<u32>) -> Option<ImageScan> {
    let path = "tcss.image_scan";
    let model = match v {
        Json::Object(m) => get(m, "model"),
        _ => None,
    };
    let model = match model {
        None => "quota".to_string(),
        Some(mv) => r.choice(mv, "tcss.image_scan.model", &["quota", "per_image"], |s| {
            ["quota", "per_image"].contains(&s).then(|| s.to_string())
        })?,
    };
    if model == "per_image" {
        let m = r.object(v, path, &["model", "images", "updates"])?;
        let images = r
            .required(m, path, "images")
            .and_then(|v| r.quantity(v, "tcss.image_scan.images", months, true));
        let updates = r
            .opt_quantity(m, path, "updates", months, true)
            .unwrap_or(Quantity::Constant(Decimal::ZERO));
        Some(ImageScan::PerImage {
            images: images?,
            updates,
        })
    } else {
        let m = r.object(v, path, &["model", "first_scans", "repeat_scans"])?;
        let first = r
            .required(m, path, "first_scans")
            .and_then(|v| r.quantity(v, "tcss.image_scan.first_scans", months, true));
        let repeat = r
            .opt_quantity(m, path, "repeat_scans", months, true)
            .unwrap_or(Quantity::Constant(Decimal::ZERO));
        Some(ImageScan::Quota {
            first_scans: first?,
            repeat_scans: repeat,
        })
    }
}
