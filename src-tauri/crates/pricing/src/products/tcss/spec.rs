//! The `tcss` part of a scenario: its types and how it is written back to a file.

use crate::horizon::Horizon;
use crate::ids::Site;
use crate::message::Message;
use crate::quantity::Quantity;
use crate::read::{number_json, quantity_json, FieldError};
use rust_decimal::prelude::*;
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TcssBilling {
    Auto,
    Prepaid,
    Postpaid,
}

impl TcssBilling {
    pub fn key(self) -> &'static str {
        match self {
            TcssBilling::Auto => "auto",
            TcssBilling::Prepaid => "prepaid",
            TcssBilling::Postpaid => "postpaid",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImageScan {
    /// Monthly quota model (rules TCSS-SCAN-2, TCSS-SCAN-4).
    Quota {
        first_scans: Quantity,
        repeat_scans: Quantity,
    },
    /// Per-image authorizations (rule TCSS-SCAN-1): `images` distinct images in use, `updates`
    /// image updates in the month.
    PerImage { images: Quantity, updates: Quantity },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TcssSpec {
    pub site: Site,
    pub billing: TcssBilling,
    pub cores: Quantity,
    pub licensed_cores: Option<Quantity>,
    pub peak_cores: Option<Quantity>,
    pub peak_days: Option<Quantity>,
    pub elastic_cap: Option<Decimal>,
    pub trial: bool,
    pub image_scan: Option<ImageScan>,
    pub log_gb: Option<Quantity>,
}

impl TcssSpec {
    /// The `tcss` object of a scenario file.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("site".into(), json!(self.site.key()));
        m.insert("billing".into(), json!(self.billing.key()));
        m.insert("cores".into(), quantity_json(&self.cores));
        if let Some(q) = &self.licensed_cores {
            m.insert("licensed_cores".into(), quantity_json(q));
        }
        if let Some(q) = &self.peak_cores {
            m.insert("peak_cores".into(), quantity_json(q));
        }
        if let Some(q) = &self.peak_days {
            m.insert("peak_days".into(), quantity_json(q));
        }
        if let Some(c) = self.elastic_cap {
            m.insert("elastic_cap".into(), number_json(c));
        }
        m.insert("trial".into(), json!(self.trial));
        match &self.image_scan {
            Some(ImageScan::Quota {
                first_scans,
                repeat_scans,
            }) => {
                m.insert(
                    "image_scan".into(),
                    json!({"first_scans": quantity_json(first_scans), "repeat_scans": quantity_json(repeat_scans)}),
                );
            }
            Some(ImageScan::PerImage { images, updates }) => {
                m.insert(
                    "image_scan".into(),
                    json!({"model": "per_image", "images": quantity_json(images), "updates": quantity_json(updates)}),
                );
            }
            None => {}
        }
        if let Some(q) = &self.log_gb {
            m.insert("log_gb".into(), quantity_json(q));
        }
        Value::Object(m)
    }
}

/// Image scanning is sold only to Pro users, for the Pro term (rule TCSS-SCAN-2): every month
/// with scanning needs Pro cores.
pub(crate) fn cross_check(t: &TcssSpec, h: &Horizon, errors: &mut Vec<FieldError>) {
    if t.image_scan.is_none() {
        return;
    }
    if let Ok(cores) = t.cores.series(h.months, true) {
        if let Some(k) = cores.iter().position(|c| c.is_zero()) {
            errors.push(FieldError::coded(
                "tcss.image_scan",
                Message::new("field.scan_needs_cores")
                    .text("month", h.start.plus(k as u32).to_string()),
            ));
        }
    }
}

impl TcssSpec {
    /// TCSS growing `percent` a month: what grows its bill is the cores it protects.
    pub(crate) fn with_growth(&self, percent: rust_decimal::Decimal) -> TcssSpec {
        TcssSpec {
            cores: self.cores.growing(percent),
            peak_cores: self.peak_cores.as_ref().map(|q| q.growing(percent)),
            ..self.clone()
        }
    }
}
