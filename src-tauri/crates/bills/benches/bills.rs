//! Reading a 100 MB bill: `cargo bench -p bills`. The aim is under 5 s on this
//! machine; the bill is a FOCUS export of 560,000 rows over 12 months and six services, and
//! the same rows in GB18030 with Chinese service names.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// A FOCUS bill of about `bytes` bytes.
fn focus_bill(bytes: usize, chinese: bool) -> Vec<u8> {
    let services: [&str; 6] = if chinese {
        [
            "容器镜像服务",
            "容器安全服务",
            "图像搜索",
            "对象存储",
            "云服务器",
            "负载均衡",
        ]
    } else {
        [
            "Tencent Container Registry",
            "Tencent Container Security Service",
            "Image Search",
            "Cloud Object Storage",
            "Cloud Virtual Machine",
            "Cloud Load Balancer",
        ]
    };
    let mut out = String::from(
        "BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ProviderName,ServiceName,SkuId,ChargeDescription\n",
    );
    let mut i = 0u64;
    while out.len() < bytes {
        let month = 1 + i % 12;
        let service = services[(i % 6) as usize];
        let cost = (i * 7919) % 100_000;
        let sign = if i.is_multiple_of(97) { "-" } else { "" };
        out.push_str(&format!(
            "100001,2027-{month:02}-01T00:00:00Z,2027-{month:02}-28T00:00:00Z,2027-{month:02}-{day:02}T00:00:00Z,2027-{month:02}-{day:02}T01:00:00Z,Usage,{sign}{}.{:04},{},Tencent Cloud,{service},sku-{},line {i}\n",
            cost / 100,
            cost % 10_000,
            if i.is_multiple_of(3) { "CNY" } else { "USD" },
            i % 50,
            day = 1 + i % 28,
        ));
        i += 1;
    }
    if chinese {
        let (encoded, _, _) = encoding_rs::GB18030.encode(&out);
        encoded.into_owned()
    } else {
        out.into_bytes()
    }
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("bills");
    group.sample_size(10);
    for (name, chinese) in [("focus_100mb_utf8", false), ("focus_100mb_gb18030", true)] {
        let bill = focus_bill(100 * 1000 * 1000, chinese);
        group.throughput(Throughput::Bytes(bill.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let summary =
                    bills::read_bill(&bill[..], &bills::Options::default(), &mut |_| {}).unwrap();
                assert!(summary.unreadable == 0 && summary.matched > 0);
                summary
            })
        });
    }
    group.finish();
}

criterion_group!(bills_benches, benches);
criterion_main!(bills_benches);
