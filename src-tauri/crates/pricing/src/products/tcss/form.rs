//! TCSS's step of the scenario wizard ([`crate::form`]): site, billing (rule TCSS-PRO-3), the
//! cores to protect and their peaks, image scans, log analysis, the licence and the elastic
//! cap (rule TCSS-PRO-5), and the trial (rule TCSS-T-1).

use crate::form::{FormChoice, FormField, FormInput, ProductForm};
use crate::ids::Product;
use crate::message::Message;

pub fn form() -> ProductForm {
    let billing = ["auto", "prepaid", "postpaid"]
        .into_iter()
        .map(|b| FormChoice::new(b, Message::new(&format!("tcss.form.billing.{b}"))))
        .collect();
    let optional = || Message::new("form.optional");
    ProductForm {
        product: Product::Tcss,
        blurb: Message::new("tcss.form.blurb"),
        fields: vec![
            FormField::site(),
            FormField::new(
                "billing",
                Message::new("form.billing"),
                FormInput::Choice {
                    options: billing,
                    default: "auto".to_owned(),
                    buttons: true,
                },
            )
            .hint(Message::new("tcss.form.billing_hint"))
            .wide()
            .on_review(),
            FormField::required_quantity("cores", Message::new("tcss.form.q.cores"), "32"),
            FormField::quantity("peak_cores", Message::new("tcss.form.q.peak_cores"), "")
                .hint(Message::new("tcss.form.peak_cores_hint")),
            FormField::quantity("peak_days", Message::new("tcss.form.q.peak_days"), "")
                .hint(optional()),
            FormField::quantity(
                "image_scan.first_scans",
                Message::new("tcss.form.q.first_scans"),
                "",
            ),
            FormField::quantity(
                "image_scan.repeat_scans",
                Message::new("tcss.form.q.repeat_scans"),
                "",
            ),
            FormField::quantity("log_gb", Message::new("tcss.form.q.log_gb"), ""),
            FormField::new(
                "licensed_cores",
                Message::new("tcss.form.licensed_cores"),
                FormInput::Whole,
            )
            .hint(Message::new("tcss.form.licensed_cores_hint"))
            .when("billing", "prepaid"),
            FormField::new(
                "elastic_cap",
                Message::new("tcss.form.elastic_cap"),
                FormInput::Whole,
            )
            .hint(optional()),
            FormField::trial(),
        ],
    }
}
