//! Image Search's alternatives: every package for the whole scenario, and the cheapest
//! package each month (rule IS-3).

use rust_decimal::Decimal;

use crate::alternative::{reason, Alternative, LineTotal, Summary};
use crate::book::PriceBook;
use crate::horizon::Horizon;
use crate::ids::{Product, Site};
use crate::line::Note;
use crate::message::Message;

use super::lines;
use super::packages::{self as image_search, Catalogue, Package};
use super::spec::ImageSearchSpec;

/// Every Image Search alternative of the scenario, in the report currency.
pub(crate) fn alternatives(
    spec: &ImageSearchSpec,
    book: &PriceBook,
    sum: &Summary,
    scratch: &mut Vec<Note>,
) -> Vec<Alternative> {
    let h = &sum.horizon;
    let n = h.months as usize;
    let mut alts = Vec::new();
    let date = h.price_date_of(0);
    let images = spec.images.series(h.months, true).unwrap_or_default();
    let qps = spec.qps.series(h.months, true).unwrap_or_default();
    let needs: Vec<image_search::Need> = (0..images.len())
        .map(|k| image_search::Need::of(images[k], qps[k]))
        .collect();
    let catalogue = image_search::Catalogue::of(book, spec.site);
    let inputs = Inputs {
        h,
        book,
        site: spec.site,
        catalogue: &catalogue,
        images: &images,
        qps: &qps,
        trial: spec.trial,
    };
    // The lines of a fixed package (or of the cheapest each month), written out.
    let written = |package: Option<image_search::Package>, scratch: &mut Vec<Note>| {
        let mut lines = vec![Vec::new(); n];
        lines::price_image_search(
            h,
            book,
            spec.site,
            &spec.images,
            &spec.qps,
            spec.trial,
            package,
            scratch,
            &mut lines,
        );
        lines
    };
    for (package, _) in catalogue.on(date) {
        let label = Message::new("compare.is_package")
            .text("capacity", group_thousands(package.capacity))
            .text("qps", package.qps);
        // A package too small for some month is infeasible: name the first such month and
        // skip pricing it (rule IS-3).
        if let Some(k) = (0..images.len()).find(|&k| !needs[k].met_by(package)) {
            let note = image_search::too_small(package, images[k], qps[k]);
            alts.push(Alternative {
                product: Product::ImageSearch,
                plan: package.to_string(),
                label,
                total: None,
                currency: sum.currency,
                feasible: false,
                complete: true,
                reasons: vec![reason(h, k, note)],
                current: false,
                recommended: false,
                saving: None,
                from_lines: false,
            });
            continue;
        }
        let plan = package.to_string();
        let alt = sum.alternative(
            Product::ImageSearch,
            plan.clone(),
            label,
            || total(&inputs, Some((package, &plan)), sum.factor),
            || written(Some(package), scratch),
        );
        alts.push(alt);
    }
    let mut auto = sum.alternative(
        Product::ImageSearch,
        "auto".into(),
        Message::new("compare.is_auto"),
        || total(&inputs, None, sum.factor),
        || written(None, scratch),
    );
    auto.current = true;
    alts.push(auto);
    alts
}

fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What Image Search is priced from in every alternative: the site's packages and each
/// month's images and QPS.
struct Inputs<'a, 'b> {
    h: &'a Horizon,
    book: &'b PriceBook,
    site: Site,
    catalogue: &'a Catalogue<'b>,
    images: &'a [Decimal],
    qps: &'a [Decimal],
    trial: bool,
}

/// The total of the lines `price_image_search` writes for one package every month (`fixed`,
/// with its plan text) or the cheapest that fits each month; `None` when a month is a custom
/// quote (rule IS-4) or a fixed package is too small for it (rule IS-3).
fn total(
    inputs: &Inputs<'_, '_>,
    fixed: Option<(Package, &str)>,
    factor: Decimal,
) -> Option<Decimal> {
    let mut total = LineTotal::new(factor);
    let mut buys = lines::Buys::new(
        inputs.book,
        inputs.site,
        inputs.catalogue,
        fixed,
        inputs.trial,
    );
    for k in 0..inputs.h.months as usize {
        let date = inputs.h.price_date_of(k as u32);
        total.add(
            buys.charge(date, inputs.images[k], inputs.qps[k])
                .amount()?,
        );
    }
    total.sum()
}
