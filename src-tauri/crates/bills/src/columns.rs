//! Which columns of a bill hold the month, the product, the amount and the currency: the
//! layouts Plancast recognises by their headers, and a user's own mapping for any other CSV.
//!
//! Sources for the column names (format notes in `docs/bills.md`):
//! - FOCUS 1.0–1.2, the FinOps Open Cost and Usage Specification: `BillingPeriodStart`,
//!   `ChargePeriodStart`, `BilledCost`, `BillingCurrency`, `ProviderName` (1.0, 1.1) or
//!   `ServiceProviderName` (1.2), `ServiceName`, `SkuId` (focus.finops.org, the columns of its
//!   data model; the same names in the providers' FOCUS exports, for example Microsoft's
//!   "FocusCost" 1.0 and 1.2-preview column lists).
//! - Tencent Cloud bill details ("Fields in Bills", cloud.tencent.com / tencentcloud.com,
//!   document 555/37506 and reseller bills 1085/56859; Chinese headers from the same pages and
//!   the billing API's data types, document 555/19183): `Bill Month` / `账单月份`,
//!   `Transaction Time` / `扣费时间`, `Product Name` / `产品名称`, `Subproduct Name` /
//!   `子产品名称`, `Total Amount After Discount` / `优惠后总价` (`RealTotalCost`), `Currency` /
//!   `币种`.
//! - Alibaba Cloud bill details ("详单文件格式", help.aliyun.com document 89133):
//!   `BillingCycle` / `账期`, `ProductCode` / `产品代码` (`产品Code` in the console export),
//!   `ProductName` / `产品名称` (`产品`), `PretaxAmount` / `应付金额`, `Currency` / `币种`.

use pricing::Cloud;
use serde::{Deserialize, Serialize};

/// A header as compared: lower case, without spaces, underscores, hyphens or a unit in
/// brackets, so `Total Amount After Discount (Excluding Tax)`, `total_amount_after_discount`
/// and `现金账户支出(元)`'s `现金账户支出` each match their one name.
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut depth = 0u32;
    for c in header.trim_start_matches('\u{feff}').chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            ' ' | '_' | '-' | '\t' | '\u{3000}' | '"' => {}
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The bill layouts Plancast reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// FOCUS 1.0 or 1.1 (`ProviderName`).
    #[serde(rename = "focus_1_0")]
    Focus1_0,
    /// FOCUS 1.2 (`ServiceProviderName`).
    #[serde(rename = "focus_1_2")]
    Focus1_2,
    /// Tencent Cloud bill details, English or Chinese headers.
    Tencent,
    /// Alibaba Cloud bill details, English or Chinese headers.
    Aliyun,
    /// Any other CSV, through the user's column mapping.
    Mapped,
}

impl Layout {
    /// The cloud whose bills have the layout; FOCUS and a mapped CSV may be any cloud's.
    pub fn cloud(self) -> Option<Cloud> {
        match self {
            Layout::Tencent => Some(Cloud::Tencent),
            Layout::Aliyun => Some(Cloud::Alibaba),
            Layout::Focus1_0 | Layout::Focus1_2 | Layout::Mapped => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Layout::Focus1_0 => "focus_1_0",
            Layout::Focus1_2 => "focus_1_2",
            Layout::Tencent => "tencent",
            Layout::Aliyun => "aliyun",
            Layout::Mapped => "mapped",
        }
    }
}

/// A user's choice of columns for a CSV Plancast does not recognise, by header text. It is
/// remembered for that header shape ([`header_shape`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The column with the month (or a date in it).
    pub month: String,
    /// The column naming the service or product.
    pub product: String,
    /// The column with the amount.
    pub amount: String,
    /// The column with the currency code; absent when every amount is in `currency`.
    #[serde(default)]
    pub currency_column: Option<String>,
    /// The currency of every amount when there is no currency column.
    #[serde(default)]
    pub currency: Option<pricing::Currency>,
}

/// Where each needed value is in a row: column indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub layout: Layout,
    /// Month columns, first non-empty wins (FOCUS: billing period, then charge period).
    pub month: Vec<usize>,
    /// Columns whose text names the product (service name, product code, SKU…).
    pub product: Vec<usize>,
    pub amount: usize,
    pub currency: Option<usize>,
    /// The currency of every amount when there is no currency column (a Chinese-headed
    /// Tencent or Alibaba bill is in CNY, `元`).
    pub fixed_currency: Option<pricing::Currency>,
    /// What a row is labelled with in the preview (service name): the first product column.
    pub label: usize,
}

fn find(normalised: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| normalised.iter().position(|h| h == n))
}

fn find_all(normalised: &[String], names: &[&str]) -> Vec<usize> {
    names
        .iter()
        .filter_map(|n| normalised.iter().position(|h| h == n))
        .collect()
}

/// True when the header has CJK text: a bill from the China site, in CNY.
fn chinese(headers: &[String]) -> bool {
    headers
        .iter()
        .any(|h| h.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
}

/// Recognises a bill by its header, or applies `mapping`; `None` when neither fits.
pub fn detect(headers: &[String], mapping: Option<&Mapping>) -> Result<Columns, Missing> {
    let n: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    if let Some(m) = mapping {
        let column = |name: &str| {
            let wanted = normalise(name);
            n.iter()
                .position(|h| *h == wanted)
                .ok_or_else(|| Missing::Column(name.to_owned()))
        };
        let month = column(&m.month)?;
        let product = column(&m.product)?;
        let amount = column(&m.amount)?;
        let currency = m.currency_column.as_deref().map(column).transpose()?;
        if currency.is_none() && m.currency.is_none() {
            return Err(Missing::Currency);
        }
        return Ok(Columns {
            layout: Layout::Mapped,
            month: vec![month],
            product: vec![product],
            amount,
            currency,
            fixed_currency: m.currency,
            label: product,
        });
    }
    // FOCUS: billed cost in its billing currency, by billing (then charge) period.
    if let (Some(amount), Some(currency)) =
        (find(&n, &["billedcost"]), find(&n, &["billingcurrency"]))
    {
        let month = find_all(&n, &["billingperiodstart", "chargeperiodstart"]);
        let product = find_all(
            &n,
            &[
                "servicename",
                "skuid",
                "serviceprovidername",
                "providername",
            ],
        );
        if !month.is_empty() && !product.is_empty() {
            let layout = if find(&n, &["serviceprovidername"]).is_some() {
                Layout::Focus1_2
            } else {
                Layout::Focus1_0
            };
            return Ok(Columns {
                layout,
                label: product[0],
                month,
                product,
                amount,
                currency: Some(currency),
                fixed_currency: None,
            });
        }
    }
    let currency = find(&n, &["currency", "币种", "货币"]);
    let fixed = (currency.is_none() && chinese(&n)).then_some(pricing::Currency::Cny);
    // Alibaba Cloud: the bill's cycle, product code and the amount payable.
    if let (Some(month), Some(amount)) = (
        find(&n, &["billingcycle", "账期"]),
        find(&n, &["pretaxamount", "应付金额"]),
    ) {
        let product = find_all(
            &n,
            &[
                "productcode",
                "产品代码",
                "产品code",
                "productname",
                "产品名称",
                "产品",
            ],
        );
        if !product.is_empty() {
            return Ok(Columns {
                layout: Layout::Aliyun,
                label: *product.last().unwrap_or(&product[0]),
                month: vec![month],
                product,
                amount,
                currency,
                fixed_currency: fixed,
            });
        }
    }
    // Tencent Cloud: the bill month (else the deduction time), the product and the total
    // after discount.
    let amount = find(
        &n,
        &[
            "totalamountafterdiscount",
            "优惠后总价",
            "realtotalcost",
            "折后总价",
        ],
    );
    let month = find_all(
        &n,
        &[
            "billmonth",
            "账单月份",
            "consumptionmonth",
            "transactiontime",
            "扣费时间",
        ],
    );
    let product = find_all(
        &n,
        &[
            "productname",
            "产品名称",
            "subproductname",
            "子产品名称",
            "businesscodename",
        ],
    );
    if let Some(amount) = amount {
        if !month.is_empty() && !product.is_empty() {
            return Ok(Columns {
                layout: Layout::Tencent,
                label: product[0],
                month,
                product,
                amount,
                currency,
                fixed_currency: fixed,
            });
        }
    }
    Err(Missing::Layout)
}

/// Why a header could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Not a layout Plancast knows: a column mapping is needed.
    Layout,
    /// The mapping names a column the file does not have.
    Column(String),
    /// The mapping gives neither a currency column nor a currency.
    Currency,
}

/// A stable name for a header's shape, under which a column mapping is remembered: FNV-1a
/// (64-bit) of the normalised headers in order, as 16 hex digits.
pub fn header_shape(headers: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for h in headers {
        for b in normalise(h).bytes().chain([0x1f]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn headers_are_compared_without_case_spaces_or_units() {
        assert_eq!(
            normalise("Total Amount After Discount (Excluding Tax)"),
            "totalamountafterdiscount"
        );
        assert_eq!(normalise("现金账户支出(元)"), "现金账户支出");
        assert_eq!(normalise("\u{feff}BilledCost"), "billedcost");
        assert_eq!(normalise("应付金额（元）"), "应付金额");
    }

    #[test]
    fn layouts_are_recognised_by_their_headers() {
        let focus = headers("BillingPeriodStart,ChargePeriodStart,BilledCost,BillingCurrency,ProviderName,ServiceName,SkuId");
        assert_eq!(detect(&focus, None).unwrap().layout, Layout::Focus1_0);
        let focus12 = headers(
            "BillingPeriodStart,BilledCost,BillingCurrency,ServiceProviderName,ServiceName",
        );
        assert_eq!(detect(&focus12, None).unwrap().layout, Layout::Focus1_2);
        let tencent = headers("账单月份,产品名称,子产品名称,优惠后总价(元)");
        let c = detect(&tencent, None).unwrap();
        assert_eq!(c.layout, Layout::Tencent);
        assert_eq!(c.fixed_currency, Some(pricing::Currency::Cny));
        let tencent_en =
            headers("Product Name,Transaction Time,Total Amount After Discount,Currency");
        let c = detect(&tencent_en, None).unwrap();
        assert_eq!(
            (c.layout, c.currency, c.fixed_currency),
            (Layout::Tencent, Some(3), None)
        );
        let aliyun = headers("账期,产品Code,产品,应付金额,币种");
        assert_eq!(detect(&aliyun, None).unwrap().layout, Layout::Aliyun);
        let other = headers("when,what,cost");
        assert_eq!(detect(&other, None), Err(Missing::Layout));
        let mapping = Mapping {
            month: "when".into(),
            product: "What".into(),
            amount: "cost".into(),
            currency_column: None,
            currency: Some(pricing::Currency::Usd),
        };
        let c = detect(&other, Some(&mapping)).unwrap();
        assert_eq!(
            (c.layout, c.month.clone(), c.product.clone(), c.amount),
            (Layout::Mapped, vec![0], vec![1], 2)
        );
        let wrong = Mapping {
            amount: "price".into(),
            ..mapping
        };
        assert_eq!(
            detect(&other, Some(&wrong)),
            Err(Missing::Column("price".into()))
        );
    }

    #[test]
    fn a_header_shape_ignores_case_and_spacing_only() {
        let a = header_shape(&headers("When,What,Cost"));
        assert_eq!(a, header_shape(&headers("when,what , cost")));
        assert_ne!(a, header_shape(&headers("when,cost,what")));
        assert_eq!(a.len(), 16);
    }
}
