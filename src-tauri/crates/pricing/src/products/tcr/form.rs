//! TCR's step of the scenario wizard ([`crate::form`]): site, region, edition, billing, the
//! requirements an edition must meet (rule TCR-FIT-1) and the usage it is billed for.

use crate::book::PriceBook;
use crate::form::{FormChoice, FormField, FormInput, ProductForm};
use crate::ids::{Edition, Product};
use crate::message::Message;

/// The webhook triggers a scenario may need (docs/scenario-format.md, `tcr.needs.webhooks`).
pub const WEBHOOKS: [&str; 4] = ["push_image", "pull_image", "delete_image", "helm_chart"];

/// TCR's form; the regions are the price book's, grouped as its table groups them.
pub fn form(book: &PriceBook) -> ProductForm {
    let regions = book
        .regions()
        .iter()
        .map(|r| FormChoice {
            value: r.region.clone(),
            label: Message::new("tcr.form.region_option")
                .text("name", &r.name)
                .text("name_zh", &r.name_zh)
                .text("region", &r.region),
            group: Some(Message::new(&format!("tcr.form.region_groups.{}", r.group))),
            note: r.availability.as_deref().map(availability),
            hint: r
                .priced_by_assumption
                .then(|| Message::new("tcr.form.assumed_price")),
        })
        .collect();
    let editions = std::iter::once("auto")
        .chain(Edition::ALL.iter().map(|e| e.key()))
        .map(|e| FormChoice::new(e, Message::new(&format!("tcr.form.editions.{e}"))))
        .collect();
    let billing = ["payg", "monthly"]
        .into_iter()
        .map(|b| FormChoice::new(b, Message::new(&format!("tcr.form.billing.{b}"))))
        .collect();
    let webhooks = WEBHOOKS
        .into_iter()
        .map(|w| FormChoice::new(w, Message::new(&format!("tcr.form.webhooks.{w}"))))
        .collect();
    let toggle = |key, label| {
        FormField::new(
            key,
            Message::new(label),
            FormInput::Toggle { always: false },
        )
    };
    ProductForm {
        product: Product::Tcr,
        blurb: Message::new("tcr.form.blurb"),
        fields: vec![
            FormField::site(),
            FormField::new(
                "region",
                Message::new("tcr.form.region"),
                FormInput::Choice {
                    options: regions,
                    default: "ap-guangzhou".to_owned(),
                    buttons: false,
                },
            )
            .on_review(),
            FormField::new(
                "edition",
                Message::new("tcr.form.edition"),
                FormInput::Choice {
                    options: editions,
                    default: "auto".to_owned(),
                    buttons: true,
                },
            )
            .wide()
            .on_review(),
            FormField::new(
                "billing",
                Message::new("form.billing"),
                FormInput::Choice {
                    options: billing,
                    default: "payg".to_owned(),
                    buttons: true,
                },
            )
            .hint(Message::new("tcr.form.billing_hint"))
            .wide()
            .on_review(),
            FormField::heading(Message::new("tcr.form.needs")),
            FormField::quantity(
                "needs.namespaces",
                Message::new("tcr.form.q.namespaces"),
                "10",
            ),
            FormField::quantity(
                "needs.image_repos",
                Message::new("tcr.form.q.image_repos"),
                "100",
            ),
            FormField::quantity(
                "needs.helm_repos",
                Message::new("tcr.form.q.helm_repos"),
                "0",
            ),
            FormField::quantity("needs.vpc_links", Message::new("tcr.form.q.vpc_links"), "1"),
            FormField::quantity(
                "needs.log_retention_days",
                Message::new("tcr.form.q.log_retention_days"),
                "",
            ),
            FormField::quantity("storage_gb", Message::new("tcr.form.q.storage_gb"), "100"),
            FormField::quantity("egress_gb", Message::new("tcr.form.q.egress_gb"), "50"),
            FormField::new(
                "needs.cross_region_sync",
                Message::new("tcr.form.cross_region_sync"),
                FormInput::Toggle { always: true },
            ),
            toggle("needs.delivery_workflow", "tcr.form.delivery_workflow"),
            toggle("needs.vulnerability_scan", "tcr.form.vulnerability_scan"),
            FormField::new(
                "needs.webhooks",
                Message::new("tcr.form.webhooks_label"),
                FormInput::Set { options: webhooks },
            )
            .wide(),
        ],
    }
}

/// A region's availability from the book (`by_ticket`, `from_2020_07`), as a message.
fn availability(code: &str) -> Message {
    match code.strip_prefix("from_").and_then(|d| d.split_once('_')) {
        Some((year, month)) => {
            Message::new("tcr.form.available_from").text("date", format!("{year}-{month}"))
        }
        None => Message::new("tcr.form.by_ticket"),
    }
}
