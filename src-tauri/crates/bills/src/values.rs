//! The values of a bill row: amounts, months and which Plancast product a row is for.

use pricing::{Cloud, Product, YearMonth};
use rust_decimal::Decimal;

/// An amount as bills write it, exactly: `1234.5`, `-12.30`, `1,234.56`, `¥1,234.56`,
/// `(12.30)` for a credit, `1.2E+3`. `None` when it is not a number.
pub fn amount(text: &str) -> Option<Decimal> {
    let mut t = text.trim();
    let mut negative = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        negative = true;
        t = inner.trim();
    }
    if let Some(rest) = t.strip_prefix('-') {
        negative = !negative;
        t = rest.trim_start();
    } else if let Some(rest) = t.strip_prefix('+') {
        t = rest.trim_start();
    }
    let t = t.trim_start_matches(['¥', '￥', '$']).trim();
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    let plain: String;
    let digits = if t.contains([',', ' ']) {
        // Thousands separators: only between groups of three digits before the point.
        let (int, _) = t.split_once('.').unwrap_or((t, ""));
        let groups: Vec<&str> = int.split([',', ' ']).collect();
        let well_formed = groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !well_formed {
            return None;
        }
        plain = t.replace([',', ' '], "");
        plain.as_str()
    } else {
        t
    };
    if !digits
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        || !digits
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'.')
    {
        return None;
    }
    let value = if digits.contains(['e', 'E']) {
        Decimal::from_scientific(digits).ok()?
    } else {
        digits.parse::<Decimal>().ok()?
    };
    Some(if negative { -value } else { value })
}

/// The month of a period or date as bills write it: `2027-03`, `2027-03-05 10:00:00`,
/// `2027/3/5`, `2027-03-01T00:00:00Z`, `202703`, `2027年3月`.
pub fn month(text: &str) -> Option<YearMonth> {
    let t = text.trim();
    let b = t.as_bytes();
    let year: i32 = t.get(..4)?.parse().ok()?;
    if !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let rest = &t[4..];
    let month_digits = |s: &str| -> Option<u32> {
        let d: String = s.chars().take_while(char::is_ascii_digit).collect();
        if d.is_empty() || d.len() > 2 {
            return None;
        }
        d.parse().ok()
    };
    let m = if let Some(r) = rest.strip_prefix(['-', '/', '.']) {
        month_digits(r)?
    } else if let Some(r) = rest.strip_prefix('年') {
        month_digits(r)?
    } else if rest.len() >= 2 && rest.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
        // 202703 or 20270305
        if !(rest.len() == 2 || (rest.len() == 4 && rest.bytes().all(|c| c.is_ascii_digit()))) {
            return None;
        }
        rest[..2].parse().ok()?
    } else {
        return None;
    };
    YearMonth::new(year, m)
}

/// The cloud one of a row's product columns names (FOCUS's provider column: "Tencent Cloud",
/// "Alibaba Cloud"), if exactly one cloud is named. `texts` are in lower case.
fn cloud_named(texts: &[String]) -> Option<Cloud> {
    let mut named = Cloud::ALL.into_iter().filter(|c| {
        texts
            .iter()
            .any(|t| c.bill_names().iter().any(|n| t.contains(n)))
    });
    match (named.next(), named.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// The Plancast product a row names, by any of its product columns' text, among the products
/// `cloud` sells: the bill's (a Tencent or Alibaba Cloud bill), else the one the row names.
/// Each cloud has products of the same name (both sell an "image search"), so a row is
/// matched only to a product of its own cloud when that is known.
pub fn product(texts: &[&str], cloud: Option<Cloud>) -> Option<Product> {
    let texts: Vec<String> = texts
        .iter()
        .map(|text| text.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    let cloud = cloud.or_else(|| cloud_named(&texts));
    for t in &texts {
        for p in Product::ALL
            .into_iter()
            .filter(|p| cloud.is_none_or(|c| p.sold_by(c)))
        {
            let names = p.bill_names();
            let hit = names.iter().any(|n| {
                if n.is_ascii() && n.len() <= 6 {
                    // Short codes match whole words only ("tcr", not "tcrypto").
                    t.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                        .any(|w| w == *n)
                } else {
                    t.contains(n)
                }
            });
            if hit {
                return Some(p);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_as_bills_write_them() {
        assert_eq!(amount("1234.5"), Some(dec!(1234.5)));
        assert_eq!(amount("-12.30"), Some(dec!(-12.30)));
        assert_eq!(amount("1,234.56"), Some(dec!(1234.56)));
        assert_eq!(amount("¥1,234,567.00"), Some(dec!(1234567.00)));
        assert_eq!(amount("(12.30)"), Some(dec!(-12.30)));
        assert_eq!(amount("1.2E+3"), Some(dec!(1200)));
        assert_eq!(amount("0.00000001"), Some(dec!(0.00000001)));
        for bad in [
            "", "-", "abc", "1,23", "12,34.5", "1.2.3", "--1", "NaN", "1e99999",
        ] {
            assert_eq!(amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_as_bills_write_them() {
        let m = |y, m| YearMonth::new(y, m);
        assert_eq!(month("2027-03"), m(2027, 3));
        assert_eq!(month("2027-03-05 10:00:00"), m(2027, 3));
        assert_eq!(month("2027/3/5"), m(2027, 3));
        assert_eq!(month("2027-03-01T00:00:00Z"), m(2027, 3));
        assert_eq!(month("202703"), m(2027, 3));
        assert_eq!(month("20270315"), m(2027, 3));
        assert_eq!(month("2027年3月"), m(2027, 3));
        for bad in ["", "March 2027", "2027-13", "27-03", "2027", "2027-0x"] {
            assert_eq!(month(bad), None, "{bad}");
        }
    }

    #[test]
    fn rows_are_matched_by_service_name_or_code() {
        assert_eq!(product(&["容器镜像服务"], None), Some(Product::Tcr));
        assert_eq!(
            product(&["Tencent Container Registry"], None),
            Some(Product::Tcr)
        );
        assert_eq!(product(&["", "p_tcr"], None), Some(Product::Tcr));
        assert_eq!(product(&["容器安全服务 TCSS"], None), Some(Product::Tcss));
        assert_eq!(
            product(&["imagesearch", "图像搜索"], None),
            Some(Product::ImageSearch)
        );
        assert_eq!(product(&["Image Search"], None), Some(Product::ImageSearch));
        assert_eq!(product(&["对象存储"], None), None);
        assert_eq!(product(&["Cloud Object Storage"], None), None);
        assert_eq!(product(&["tcrypto"], None), None);
    }

    /// Both clouds sell an image search: a Tencent bill's is not Alibaba Cloud's product.
    #[test]
    fn rows_are_matched_only_to_products_of_their_cloud() {
        let image_search = ["图像搜索"];
        assert_eq!(product(&image_search, None), Some(Product::ImageSearch));
        assert_eq!(
            product(&image_search, Some(Cloud::Alibaba)),
            Some(Product::ImageSearch)
        );
        assert_eq!(product(&image_search, Some(Cloud::Tencent)), None);
        assert_eq!(product(&["容器镜像服务"], Some(Cloud::Alibaba)), None);
        // FOCUS: the provider column names the cloud.
        assert_eq!(product(&["Image Search", "Tencent Cloud"], None), None);
        assert_eq!(
            product(&["Image Search", "Alibaba Cloud"], None),
            Some(Product::ImageSearch)
        );
        assert_eq!(
            product(&["Tencent Container Registry", "Tencent Cloud"], None),
            Some(Product::Tcr)
        );
    }
}
