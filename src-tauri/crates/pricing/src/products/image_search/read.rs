//! Reading the `image_search` object of a scenario file, every problem with its field path.

use super::spec::ImageSearchSpec;
use crate::ids::Product;
use crate::jsonread::Json;
use crate::read::{get, Reader};

pub(crate) fn read(r: &mut Reader, v: &Json, months: Option<u32>) -> Option<ImageSearchSpec> {
    let path = "image_search";
    let m = r.object(v, path, &["site", "images", "qps", "trial"])?;
    let site = r.site(m, path, Product::ImageSearch);
    let images = r
        .required(m, path, "images")
        .and_then(|v| r.quantity(v, "image_search.images", months, true));
    let qps = r
        .required(m, path, "qps")
        .and_then(|v| r.quantity(v, "image_search.qps", months, true));
    let trial = r.boolean(get(m, "trial"), "image_search.trial");
    Some(ImageSearchSpec {
        site: site?,
        images: images?,
        qps: qps?,
        trial,
    })
}
