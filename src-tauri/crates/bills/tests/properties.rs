//! Invariants of reading a bill, over generated bills.

use bills::{read_bill, Options};
use proptest::prelude::*;
use rust_decimal::Decimal;

const SERVICES: [&str; 5] = [
    "Tencent Container Registry",
    "容器安全服务",
    "Image Search",
    "Cloud Object Storage",
    "",
];

fn row() -> impl Strategy<Value = (u32, usize, i64, bool)> {
    (
        1u32..=12,
        0usize..SERVICES.len(),
        -100_000i64..1_000_000,
        any::<bool>(),
    )
}

fn bill(rows: &[(u32, usize, i64, bool)]) -> String {
    let mut out = String::from("BillingPeriodStart,BilledCost,BillingCurrency,ServiceName\n");
    for (month, service, cents, cny) in rows {
        out.push_str(&format!(
            "2027-{month:02}-01,{},{},{}\n",
            Decimal::new(*cents, 2),
            if *cny { "CNY" } else { "USD" },
            SERVICES[*service]
        ));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every row is counted once: matched, unmatched or unreadable; each total is the exact sum
    /// of its rows, credits included (rule BUD-4); the same bill read twice gives the same
    /// summary.
    #[test]
    fn every_row_is_accounted_for_and_totals_are_exact(rows in proptest::collection::vec(row(), 0..60)) {
        let text = bill(&rows);
        let s = read_bill(text.as_bytes(), &Options::default(), &mut |_| {}).unwrap();
        prop_assert_eq!(s.rows as usize, rows.len());
        prop_assert_eq!(s.matched + s.unmatched + s.unreadable, s.rows);
        prop_assert_eq!(s.unreadable, 0);
        let matched: Decimal = rows.iter().filter(|r| r.1 < 3).map(|r| Decimal::new(r.2, 2)).sum();
        let totalled: Decimal = s.totals.iter().map(|t| t.amount).sum();
        prop_assert_eq!(matched, totalled);
        let credits: Decimal = rows.iter().filter(|r| r.1 < 3 && r.2 < 0).map(|r| Decimal::new(r.2, 2)).sum();
        prop_assert_eq!(credits, s.totals.iter().map(|t| t.credits).sum::<Decimal>());
        let unmatched_rows: u64 = s.unmatched_services.iter().map(|u| u.rows).sum();
        prop_assert_eq!(unmatched_rows, s.unmatched);
        let again = read_bill(text.as_bytes(), &Options::default(), &mut |_| {}).unwrap();
        prop_assert_eq!(s, again);
    }

    /// Any bytes at all are read or refused with an error, never a panic.
    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let mut with_header = b"BillingPeriodStart,BilledCost,BillingCurrency,ServiceName\n".to_vec();
        with_header.extend(&bytes);
        let _ = read_bill(&with_header[..], &Options::default(), &mut |_| {});
        let _ = read_bill(&bytes[..], &Options::default(), &mut |_| {});
    }

    /// The same bill in GB18030 reads as in UTF-8.
    #[test]
    fn encodings_read_alike(rows in proptest::collection::vec(row(), 1..30)) {
        let text = bill(&rows);
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        let a = read_bill(text.as_bytes(), &Options::default(), &mut |_| {}).unwrap();
        let b = read_bill(&gb[..], &Options::default(), &mut |_| {}).unwrap();
        prop_assert_eq!(a.totals, b.totals);
        prop_assert_eq!(a.unmatched_services, b.unmatched_services);
    }
}
