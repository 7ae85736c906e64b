//! The `image_search` part of a scenario: its types and how it is written back to a file.

use crate::ids::Site;
use crate::quantity::Quantity;
use crate::read::quantity_json;
use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct ImageSearchSpec {
    pub site: Site,
    pub images: Quantity,
    pub qps: Quantity,
    pub trial: bool,
}

impl ImageSearchSpec {
    /// The `image_search` object of a scenario file.
    pub fn to_json(&self) -> Value {
        json!({"site": self.site.key(), "images": quantity_json(&self.images), "qps": quantity_json(&self.qps), "trial": self.trial})
    }
}

impl ImageSearchSpec {
    /// Image Search growing `percent` a month: what grows its bill is the images indexed.
    pub(crate) fn with_growth(&self, percent: rust_decimal::Decimal) -> ImageSearchSpec {
        ImageSearchSpec {
            images: self.images.growing(percent),
            ..self.clone()
        }
    }
}
