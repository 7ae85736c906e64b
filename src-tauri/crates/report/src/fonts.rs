//! The fonts embedded for bitmap (PNG) charts, and the runs of text each one draws.
//!
//! plotters draws bitmap text with `ab_glyph` from fonts registered in memory; no system font
//! is looked up (that would need fontconfig/freetype on every user's machine). Two fonts ship
//! in `assets/` (see `assets/FONTS.md` for their licences and how the subset was made):
//!
//! - A subset of DejaVu Sans (≈ 165 kB of the full font's 760 kB), registered as
//!   `sans-serif`: Latin with its extensions, Greek, Cyrillic, digits, punctuation, currency
//!   signs and a few symbols.
//! - A subset of Droid Sans Fallback (≈ 8 kB) holding only the CJK characters of
//!   [`crate::ChartLabels::chinese`] and a little CJK punctuation, registered as
//!   [`CJK_FAMILY`]. A full CJK font is 4 MB or more — too much for the installer.
//!
//! plotters gives one font per family and no fallback, so bitmap text is split into runs: the
//! characters in [`CJK_SUBSET`] are drawn with the subset, everything else with DejaVu. Any
//! other CJK character (a Chinese scenario or budget name) has no glyph in either font and
//! shows as an empty box in a PNG; SVG charts name the generic `sans-serif` family and are
//! rendered by the webview with the system's fonts, so they show every character.

use std::sync::OnceLock;

use plotters::style::{register_font, FontStyle};

use crate::ReportError;

const DEJAVU_SANS: &[u8] = include_bytes!("../assets/DejaVuSansSubset.ttf");
const CJK_SUBSET_TTF: &[u8] = include_bytes!("../assets/PlancastCjkSubset.ttf");

/// The family name the CJK subset is registered under (bitmap charts only).
pub(crate) const CJK_FAMILY: &str = "plancast-cjk";

/// Every character the CJK subset font holds (ASCII aside, which it lacks). Keep in step with
/// the `pyftsubset --text` in `assets/FONTS.md`; a test checks the Chinese labels are covered.
pub(crate) const CJK_SUBSET: &str =
    "腾讯云图像搜索阿里预算月份支出合计不完整缺少价格（）：，、实际部分产品警线无";

static REGISTERED: OnceLock<bool> = OnceLock::new();

/// Registers the embedded fonts with plotters once per process. Both backends need it: the
/// SVG backend measures text with the registered font to lay out labels.
pub(crate) fn ensure_registered() -> Result<(), ReportError> {
    let ok = REGISTERED.get_or_init(|| {
        register_font("sans-serif", FontStyle::Normal, DEJAVU_SANS).is_ok()
            && register_font(CJK_FAMILY, FontStyle::Normal, CJK_SUBSET_TTF).is_ok()
    });
    if *ok {
        Ok(())
    } else {
        Err(ReportError::Font)
    }
}

/// Splits text into runs of the same font: `(true, run)` for the CJK subset.
pub(crate) fn runs(text: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let cjk = CJK_SUBSET.contains(c);
        match out.last_mut() {
            Some((k, run)) if *k == cjk => run.push(c),
            _ => out.push((cjk, c.to_string())),
        }
    }
    out
}

/// Whether `c` is a wide (East Asian, one em) character: CJK ideographs, kana, hangul and
/// full-width forms. Used to measure text that no embedded font has glyphs for.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_mixed_text_into_font_runs() {
        assert_eq!(
            runs("支出 (CNY)"),
            vec![(true, "支出".to_string()), (false, " (CNY)".to_string())]
        );
        assert_eq!(runs(""), vec![]);
    }

    #[test]
    fn the_embedded_fonts_load() {
        assert!(ensure_registered().is_ok());
    }

    #[test]
    fn the_latin_subset_has_what_labels_and_names_use() {
        use ab_glyph::{Font, FontRef};
        let font = FontRef::try_from_slice(DEJAVU_SANS).unwrap_or_else(|e| panic!("{e}"));
        let ascii = (' '..='~').collect::<String>();
        let more = "ÀÉÖØßàéöüçñœŁłŠšŽžİı€£¥₩₹×÷−–—…‘’“”•°±≤≥→αβγΔΩЖжЯя";
        for c in ascii.chars().chain(more.chars()) {
            assert_ne!(
                font.glyph_id(c).0,
                0,
                "no glyph for {c:?} (U+{:04X})",
                u32::from(c)
            );
        }
        // What the subset leaves out has no glyph (so the test above is not vacuous).
        assert_eq!(font.glyph_id('ა').0, 0);
    }
}
