//! Projected-spend charts: monthly spend stacked by product with the budget lines, and several
//! scenarios' monthly totals overlaid (the compare screen).
//!
//! This is the only code in Plancast that uses floats, and only for drawing: a `Decimal` becomes
//! a pixel position through [`to_f64_lossy`]. Amounts printed as text (the total in the corner)
//! are still rounded from the exact decimal (rule GEN-2).
//!
//! SVG output is meant to be inserted into the app's DOM: plotters escapes every text (`<`,
//! `>`, `&`, quotes), so a scenario named `<script>` is shown as text, and the text names the
//! generic `sans-serif` family so the webview picks a font with Chinese glyphs. PNG output draws
//! with the fonts embedded in the crate; see the `fonts` module for which characters they
//! cover (the Chinese labels of [`ChartLabels::chinese`] are covered; other CJK text in a PNG,
//! such as a Chinese budget name, shows as boxes).

use plotters::backend::{BitMapBackend, DrawingBackend, SVGBackend};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use pricing::money::cents_text;
use pricing::{Lang, Product, Quote, YearMonth};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::csv::{calendar_months, check_comparable, month_total};
use crate::fonts::{self, CJK_FAMILY};
use crate::ReportError;

/// Light or dark colours; `Dark` draws on a dark background for the app's dark mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// The translatable words of a chart, from the message catalogue of the user's language
/// (`report.chart` in `src-tauri/crates/pricing/messages/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartLabels {
    /// Each product's name, in [`Product::ALL`] order.
    pub products: Vec<String>,
    /// The whole-scenario budget line; product budgets read "Budget (Tencent TCR)".
    pub budget: String,
    /// The x axis title.
    pub month_axis: String,
    /// The money axis title; the report currency is appended: "Spend (USD)".
    pub spend_axis: String,
    /// Before the scenario total printed in the corner of the spend chart.
    pub total: String,
    /// The legend entry of the hatched band over months whose total leaves out lines without
    /// a price (rule GEN-5: unknown is not zero); in the overlay chart, of the `?`.
    pub incomplete: String,
    /// The words on the hatched band itself: "no price".
    pub no_price: String,
    /// The legend entry of the budgets' warning levels (amount × warn_at, rule BUD-2).
    pub warning: String,
    /// The legend entry of the actual spend series (rule BUD-4).
    pub actual: String,
    /// The legend entry of a month whose actuals cover only some of its products.
    pub actual_partial: String,
}

impl ChartLabels {
    /// The labels in `lang`. Chinese ones use only characters of the embedded CJK font subset,
    /// so PNGs show them (a test checks every label of the catalogue).
    pub fn of(lang: Lang) -> Self {
        let word = |key: &str| lang.text(&format!("report.chart.{key}")).to_string();
        Self {
            products: Product::ALL
                .iter()
                .map(|p| word(&format!("products.{}", p.key())))
                .collect(),
            budget: word("budget"),
            month_axis: word("month_axis"),
            spend_axis: word("spend_axis"),
            total: word("total"),
            incomplete: word("incomplete"),
            no_price: word("no_price"),
            warning: word("warning"),
            actual: word("actual"),
            actual_partial: word("actual_partial"),
        }
    }

    pub fn english() -> Self {
        Self::of(Lang::En)
    }

    pub fn chinese() -> Self {
        Self::of(Lang::ZhCn)
    }

    fn product(&self, product: Product) -> &str {
        self.products
            .get(product_index(product))
            .map_or("", String::as_str)
    }
}

/// A product's place in [`Product::ALL`], which orders its colour and its label.
fn product_index(product: Product) -> usize {
    Product::ALL
        .iter()
        .position(|p| *p == product)
        .unwrap_or_default()
}

/// Actual spend of one month for the spend chart (rule BUD-4): the sum of the actuals
/// recorded for it, in the quote's report currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActualPoint {
    pub month: YearMonth,
    pub amount: Decimal,
    /// Some of the scenario's products have no actual this month: the point is the recorded
    /// ones only, drawn hollow.
    pub partial: bool,
}

/// Size, colours and words of a chart, and what is drawn beside the quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartOptions {
    pub width: u32,
    pub height: u32,
    pub theme: Theme,
    pub labels: ChartLabels,
    /// Actual spend per month, drawn by the spend chart as a line with markers beside the
    /// projected bars; months of the quote without an entry have none. The quote itself
    /// stays the projection.
    pub actuals: Vec<ActualPoint>,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self {
            width: 960,
            height: 540,
            theme: Theme::Light,
            labels: ChartLabels::english(),
            actuals: Vec::new(),
        }
    }
}

/// The smallest and largest width or height a chart is drawn at.
pub const MIN_SIDE: u32 = 320;
pub const MAX_SIDE: u32 = 4096;

/// The one lossy conversion: a decimal amount to a float, used only to place pixels.
fn to_f64_lossy(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

struct Palette {
    background: RGBColor,
    foreground: RGBColor,
    muted: RGBColor,
    grid: RGBColor,
    /// One colour per product in [`Product::ALL`] order, from colour-blind-safe hues
    /// (Okabe–Ito), lighter on dark; more than there are products, so a new one has its own.
    products: [RGBColor; 6],
    /// Overlay lines for up to four scenarios.
    scenarios: [RGBColor; 4],
    /// The actual spend series: a hue no product or scenario uses.
    actual: RGBColor,
}

impl Palette {
    fn of(theme: Theme) -> Self {
        match theme {
            Theme::Light => Self {
                background: RGBColor(255, 255, 255),
                foreground: RGBColor(33, 37, 41),
                muted: RGBColor(90, 98, 106),
                grid: RGBColor(226, 230, 234),
                products: [
                    RGBColor(0, 114, 178),
                    RGBColor(230, 159, 0),
                    RGBColor(0, 158, 115),
                    RGBColor(204, 121, 167),
                    RGBColor(86, 180, 233),
                    RGBColor(213, 94, 0),
                ],
                scenarios: [
                    RGBColor(0, 114, 178),
                    RGBColor(213, 94, 0),
                    RGBColor(0, 158, 115),
                    RGBColor(204, 121, 167),
                ],
                actual: RGBColor(120, 60, 190),
            },
            Theme::Dark => Self {
                background: RGBColor(28, 30, 36),
                foreground: RGBColor(232, 234, 237),
                muted: RGBColor(170, 176, 184),
                grid: RGBColor(58, 62, 70),
                products: [
                    RGBColor(86, 180, 233),
                    RGBColor(240, 178, 40),
                    RGBColor(40, 196, 140),
                    RGBColor(224, 150, 200),
                    RGBColor(150, 210, 250),
                    RGBColor(240, 128, 60),
                ],
                scenarios: [
                    RGBColor(86, 180, 233),
                    RGBColor(240, 128, 60),
                    RGBColor(40, 196, 140),
                    RGBColor(224, 150, 200),
                ],
                actual: RGBColor(196, 160, 255),
            },
        }
    }

    fn product(&self, product: Product) -> RGBColor {
        self.products[product_index(product) % self.products.len()]
    }
}

const LABEL_SIZE: f64 = 15.0;
/// Dash and gap of a warning line, in pixels. Each dash is its own SVG element: shorter dashes
/// make the chart noticeably slower.
const WARNING_DASH: u32 = 4;
/// Charts this wide or narrower (the wizard's live preview, drawn at 320 px on every
/// keystroke) draw warning lines solid and lighter: there the dashes cost about a fifth of
/// the preview's time and are a few pixels each.
const SOLID_WARNING_WIDTH: u32 = 480;
/// How strongly a solid warning line shows its budget's colour.
const WARNING_ALPHA: f64 = 0.6;
const TITLE_SIZE: f64 = 16.0;

fn draw_err<E: std::fmt::Display>(e: E) -> ReportError {
    ReportError::Draw(e.to_string())
}

fn check_size(opts: &ChartOptions) -> Result<(), ReportError> {
    let ok = |v: u32| (MIN_SIDE..=MAX_SIDE).contains(&v);
    if ok(opts.width) && ok(opts.height) {
        Ok(())
    } else {
        Err(ReportError::ChartSize {
            width: opts.width,
            height: opts.height,
            min: MIN_SIDE,
            max: MAX_SIDE,
        })
    }
}

/// Draws free text (titles, legend entries, which may be Chinese). SVG text is one element in
/// the generic `sans-serif` family; bitmap text is split into font runs (see `fonts`).
struct Writer<'p> {
    bitmap: bool,
    palette: &'p Palette,
}

impl Writer<'_> {
    fn style(&self, cjk: bool, size: f64, color: RGBColor) -> TextStyle<'static> {
        let family = if cjk && self.bitmap {
            FontFamily::Name(CJK_FAMILY)
        } else {
            FontFamily::SansSerif
        };
        (family, size).into_font().color(&color)
    }

    fn runs(&self, text: &str) -> Vec<(bool, String)> {
        if self.bitmap {
            fonts::runs(text)
        } else {
            vec![(false, text.to_string())]
        }
    }

    fn width<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        text: &str,
        size: f64,
    ) -> Result<i32, ReportError> {
        if self.bitmap {
            // Drawn run by run with the embedded fonts: measure the same runs.
            let mut w = 0;
            for (cjk, run) in self.runs(text) {
                let (rw, _) = area
                    .estimate_text_size(&run, &self.style(cjk, size, self.palette.foreground))
                    .map_err(draw_err)?;
                w += rw as i32;
            }
            return Ok(w);
        }
        // SVG text is rendered by the viewer with its own fonts. DejaVu (what plotters
        // measures with) has no CJK glyphs, so Chinese would be measured too narrow and
        // overlap the next legend entry: count each wide character as one em, the advance of
        // every CJK font.
        let (narrow, wide): (String, String) = text.chars().partition(|&c| !fonts::is_wide(c));
        let mut w = size * wide.chars().count() as f64;
        if !narrow.is_empty() {
            let (rw, _) = area
                .estimate_text_size(&narrow, &self.style(false, size, self.palette.foreground))
                .map_err(draw_err)?;
            w += f64::from(rw);
        }
        Ok(w.ceil() as i32)
    }

    /// Draws `text` with its left, centre or right edge at `x` and vertically centred on `y`.
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        text: &str,
        (x, y): (i32, i32),
        h: HPos,
        size: f64,
        color: RGBColor,
    ) -> Result<(), ReportError> {
        if !self.bitmap {
            let style = self
                .style(false, size, color)
                .pos(Pos::new(h, VPos::Center));
            return area.draw_text(text, &style, (x, y)).map_err(draw_err);
        }
        let total = self.width(area, text, size)?;
        let mut cx = match h {
            HPos::Left => x,
            HPos::Center => x - total / 2,
            HPos::Right => x - total,
        };
        for (cjk, run) in self.runs(text) {
            let style = self
                .style(cjk, size, color)
                .pos(Pos::new(HPos::Left, VPos::Center));
            area.draw_text(&run, &style, (cx, y)).map_err(draw_err)?;
            cx += self.width(area, &run, size)?;
        }
        Ok(())
    }
}

/// How a legend entry's swatch looks.
#[derive(Clone, Copy)]
enum Swatch {
    Block(RGBColor),
    Line(RGBColor),
    Dashed(RGBColor),
    /// The `?` over an incomplete month.
    Unknown(RGBColor),
    /// A thin dashed line: a budget's warning level.
    Thin(RGBColor),
    /// A thin, lighter solid line: a budget's warning level in a preview-sized chart.
    ThinSolid(RGBColor),
    /// A line through a marker, filled or hollow: actual spend.
    Marker(RGBColor, bool),
    /// A hatched block: months without a price.
    Hatched(RGBColor),
}

/// Lays legend entries out in rows across `width`; returns each entry's position and the
/// height the legend needs.
fn layout_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    writer: &Writer,
    entries: &[(Swatch, String)],
    width: i32,
) -> Result<(Vec<(i32, i32)>, i32), ReportError> {
    const ROW: i32 = 22;
    const SWATCH: i32 = 26;
    const GAP: i32 = 22;
    let mut positions = Vec::with_capacity(entries.len());
    let (mut x, mut y) = (0, 0);
    for (_, text) in entries {
        let w = SWATCH + writer.width(area, text, LABEL_SIZE)? + GAP;
        if x > 0 && x + w > width {
            x = 0;
            y += ROW;
        }
        positions.push((x, y));
        x += w;
    }
    let height = if entries.is_empty() { 0 } else { y + ROW };
    Ok((positions, height))
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    writer: &Writer,
    entries: &[(Swatch, String)],
    positions: &[(i32, i32)],
    origin: (i32, i32),
) -> Result<(), ReportError> {
    for ((swatch, text), (dx, dy)) in entries.iter().zip(positions) {
        let (x, y) = (origin.0 + dx, origin.1 + dy + 11);
        match *swatch {
            Swatch::Block(c) => area
                .draw(&Rectangle::new([(x, y - 6), (x + 18, y + 6)], c.filled()))
                .map_err(draw_err)?,
            Swatch::Line(c) => area
                .draw(&PathElement::new(
                    vec![(x, y), (x + 18, y)],
                    c.stroke_width(3),
                ))
                .map_err(draw_err)?,
            Swatch::Dashed(c) => area
                .draw(&DashedPathElement::new(
                    vec![(x, y), (x + 20, y)],
                    5,
                    3,
                    c.stroke_width(2),
                ))
                .map_err(draw_err)?,
            Swatch::Unknown(c) => {
                writer.draw(area, "?", (x + 9, y), HPos::Center, TITLE_SIZE, c)?
            }
            Swatch::ThinSolid(c) => area
                .draw(&PathElement::new(
                    vec![(x, y), (x + 20, y)],
                    c.mix(WARNING_ALPHA).stroke_width(1),
                ))
                .map_err(draw_err)?,
            Swatch::Thin(c) => area
                .draw(&DashedPathElement::new(
                    vec![(x, y), (x + 20, y)],
                    WARNING_DASH,
                    WARNING_DASH,
                    c.stroke_width(1),
                ))
                .map_err(draw_err)?,
            Swatch::Marker(c, filled) => {
                area.draw(&PathElement::new(
                    vec![(x - 1, y), (x + 20, y)],
                    c.stroke_width(2),
                ))
                .map_err(draw_err)?;
                marker(area, (x + 9, y), c, filled, writer.palette.background)?;
            }
            Swatch::Hatched(c) => {
                hatch(area, (x, y - 7), (x + 19, y + 7), c.stroke_width(1))?;
                area.draw(&Rectangle::new(
                    [(x, y - 7), (x + 19, y + 7)],
                    c.stroke_width(1),
                ))
                .map_err(draw_err)?;
            }
        }
        writer.draw(
            area,
            text,
            (x + 26, y),
            HPos::Left,
            LABEL_SIZE,
            writer.palette.foreground,
        )?;
    }
    Ok(())
}

/// An actual-spend marker at a pixel: a filled dot, or a ring on the background colour.
fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    colour: RGBColor,
    filled: bool,
    background: RGBColor,
) -> Result<(), ReportError> {
    area.draw(&Circle::new(at, 6, background.filled()))
        .map_err(draw_err)?;
    if filled {
        area.draw(&Circle::new(at, 4, colour.filled()))
            .map_err(draw_err)?;
    } else {
        area.draw(&Circle::new(at, 4, colour.stroke_width(2)))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// Diagonal hatching inside the pixel rectangle `top_left`…`bottom_right`, 45° lines 7 px
/// apart, clipped to the rectangle.
fn hatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    style: ShapeStyle,
) -> Result<(), ReportError> {
    const STEP: i32 = 7;
    let h = y1 - y0;
    let mut c = x0 - h;
    while c < x1 {
        // The line from (c, y1) up to (c + h, y0), cut at the left and right edges.
        let (sx, sy) = if c < x0 { (x0, y1 - (x0 - c)) } else { (c, y1) };
        let (ex, ey) = if c + h > x1 {
            (x1, y0 + (c + h - x1))
        } else {
            (c + h, y0)
        };
        if sx < ex {
            area.draw(&PathElement::new(vec![(sx, sy), (ex, ey)], style))
                .map_err(draw_err)?;
        }
        c += STEP;
    }
    Ok(())
}

/// Runs of consecutive `true` as (first index, last index).
fn runs_of(flags: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &f) in flags.iter().enumerate() {
        match (f, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i - 1));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, flags.len() - 1));
    }
    out
}

/// A budget's warning threshold as a percentage: `0.8` → `80 %`.
fn percent_text(fraction: Decimal) -> String {
    match fraction.checked_mul(Decimal::ONE_HUNDRED) {
        Some(p) => format!("{} %", p.normalize()),
        None => fraction.to_string(),
    }
}

/// Which months get a label: a step of 1, 2, 3, 4, 6, 12… months chosen so labels do not
/// overlap, aligned to the calendar (quarters, half-years, Januaries).
fn month_label_indices(months: &[YearMonth], plot_width: i32, label_width: i32) -> Vec<usize> {
    let room = (plot_width / (label_width + 14).max(1)).max(1) as usize;
    let steps = [1usize, 2, 3, 4, 6, 12, 24, 36, 60, 120];
    let step = steps
        .iter()
        .copied()
        .find(|s| months.len().div_ceil(*s) < room)
        .unwrap_or(120);
    let absolute = |m: &YearMonth| (m.year() as i64 * 12 + m.month() as i64 - 1) as usize;
    let aligned: Vec<usize> = (0..months.len())
        .filter(|&i| absolute(&months[i]) % step == 0)
        .collect();
    // A short scenario that starts off the grid (say May with a quarterly step) would lose
    // its first month's label; fall back to counting from the first month.
    if step == 1 || aligned.first().is_some_and(|&i| i < step) {
        aligned
    } else {
        (0..months.len()).step_by(step).collect()
    }
}

/// Axis numbers: whole amounts with thousands separators; two decimals on small scales.
fn axis_money(v: f64, small: bool) -> String {
    if small {
        return format!("{v:.2}");
    }
    let whole = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < -0.5 {
        format!("-{out}")
    } else {
        out
    }
}

/// Groups cents text for a person: `12345.60` → `12,345.60`.
fn grouped_cents(amount: Decimal) -> String {
    let text = cents_text(amount);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest.to_string()),
        None => ("", text.clone()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, "00"));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}.{fraction}")
}

/// A series of values per month index, drawn as a step line; `None` breaks the line.
fn step_segments(values: &[Option<f64>]) -> Vec<Vec<(f64, f64)>> {
    let mut segments = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                current.push((i as f64, *v));
                current.push((i as f64 + 1.0, *v));
            }
            None => {
                if !current.is_empty() {
                    segments.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        segments.push(current);
    }
    segments
}

/// Everything the two chart kinds share: the frame, axes and legend around a plot.
struct Frame<'a> {
    months: Vec<YearMonth>,
    y_max: f64,
    y_title: String,
    corner: Option<String>,
    legend: Vec<(Swatch, String)>,
    opts: &'a ChartOptions,
}

type Plot<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

impl Frame<'_> {
    /// Draws background, legend, titles and axes, then lets `body` draw the data.
    fn draw<DB: DrawingBackend>(
        &self,
        root: DrawingArea<DB, Shift>,
        bitmap: bool,
        body: impl FnOnce(&mut Plot<'_, DB>, &Writer) -> Result<(), ReportError>,
    ) -> Result<(), ReportError> {
        fonts::ensure_registered()?;
        let palette = Palette::of(self.opts.theme);
        let writer = Writer {
            bitmap,
            palette: &palette,
        };
        root.fill(&palette.background).map_err(draw_err)?;
        let (w, h) = (self.opts.width as i32, self.opts.height as i32);
        const MARGIN: i32 = 16;

        let (positions, legend_height) =
            layout_legend(&root, &writer, &self.legend, w - 2 * MARGIN)?;
        let legend_top = h - MARGIN - legend_height;
        draw_legend(
            &root,
            &writer,
            &self.legend,
            &positions,
            (MARGIN, legend_top),
        )?;

        // Titles above the plot: the money axis on the left, the total on the right.
        let title_y = MARGIN + 8;
        writer.draw(
            &root,
            &self.y_title,
            (MARGIN, title_y),
            HPos::Left,
            TITLE_SIZE,
            palette.foreground,
        )?;
        if let Some(corner) = &self.corner {
            writer.draw(
                &root,
                corner,
                (w - MARGIN, title_y),
                HPos::Right,
                TITLE_SIZE,
                palette.foreground,
            )?;
        }

        let small = self.y_max < 10.0;
        let label_style = (FontFamily::SansSerif, LABEL_SIZE)
            .into_font()
            .color(&palette.muted);
        let widest_y = root
            .estimate_text_size(&axis_money(self.y_max, small), &label_style)
            .map_err(draw_err)?
            .0 as i32;
        let month_width = root
            .estimate_text_size("2027-12", &label_style)
            .map_err(draw_err)?
            .0 as i32;
        let y_label_area = widest_y + 14;
        let plot_width = w - 2 * MARGIN - y_label_area;
        let indices = month_label_indices(&self.months, plot_width, month_width);

        let plot_area = root.margin(MARGIN + 22, legend_height + MARGIN + 6, MARGIN, MARGIN);
        let n = self.months.len() as f64;
        let mut chart = ChartBuilder::on(&plot_area)
            .x_label_area_size(44)
            .y_label_area_size(y_label_area)
            .build_cartesian_2d(0f64..n, 0f64..self.y_max)
            .map_err(draw_err)?;
        let months = &self.months;
        let money_label = |y: &f64| axis_money(*y, small);
        chart
            .configure_mesh()
            .disable_x_mesh()
            // Month labels are drawn below, at the chosen months only.
            .x_labels(0)
            .y_labels(6)
            .y_label_formatter(&money_label)
            .label_style(label_style.clone())
            .axis_style(palette.muted)
            .bold_line_style(palette.grid)
            .light_line_style(palette.background)
            .max_light_lines(0)
            .draw()
            .map_err(draw_err)?;
        // The mesh above drew y labels and the grid; month labels go at the chosen months only.
        for &i in &indices {
            let (px, py) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
            root.draw(&PathElement::new(
                vec![(px, py), (px, py + 5)],
                palette.muted.stroke_width(1),
            ))
            .map_err(draw_err)?;
            root.draw_text(
                &months[i].to_string(),
                &label_style.pos(Pos::new(HPos::Center, VPos::Top)),
                (px, py + 8),
            )
            .map_err(draw_err)?;
        }
        let (left, _) = chart.backend_coord(&(0.0, 0.0));
        let (right, bottom) = chart.backend_coord(&(n, 0.0));
        writer.draw(
            &root,
            &self.opts.labels.month_axis,
            ((left + right) / 2, bottom + 34),
            HPos::Center,
            LABEL_SIZE,
            palette.muted,
        )?;
        body(&mut chart, &writer)?;
        root.present().map_err(draw_err)?;
        Ok(())
    }
}

/// The money axis top: a little above the highest value, never zero.
fn axis_top(max: f64) -> f64 {
    if max > 0.0 {
        max * 1.12
    } else {
        1.0
    }
}

struct SpendData {
    months: Vec<YearMonth>,
    /// Per month: each product's spend in the report currency, in [`Product::ALL`] order.
    stacks: Vec<[f64; Product::ALL.len()]>,
    products: Vec<Product>,
    /// Per month: some line has no known amount, so the bar is only the known part.
    incomplete: Vec<bool>,
    /// Per budget: its legend entry, colour, whether it covers the whole scenario, and its
    /// limit per month (`None` when not in force).
    budgets: Vec<(String, RGBColor, bool, Vec<Option<f64>>)>,
    /// Per budget: its warning level per month (limit × warn_at, rule BUD-2), and warn_at.
    warnings: Vec<(Decimal, Vec<Option<f64>>)>,
    /// Per month: the actual spend and whether it covers only some products (rule BUD-4).
    actuals: Vec<Option<(f64, bool)>>,
}

fn spend_data(quote: &Quote, opts: &ChartOptions, palette: &Palette) -> SpendData {
    let months: Vec<YearMonth> = quote.months.iter().map(|m| m.month).collect();
    let stacks = quote
        .months
        .iter()
        .map(|m| Product::ALL.map(|p| to_f64_lossy(m.product_total(p)).max(0.0)))
        .collect();
    let products = Product::ALL
        .into_iter()
        .filter(|p| {
            quote
                .months
                .iter()
                .any(|m| m.lines.iter().any(|l| l.product == *p))
        })
        .collect();
    let labels = &opts.labels;
    let budgets = quote
        .budgets
        .iter()
        .enumerate()
        .map(|(k, summary)| {
            let b = &summary.budget;
            let base = match b.product {
                Some(p) => format!("{} ({})", labels.budget, labels.product(p)),
                None => labels.budget.clone(),
            };
            let name = match &b.name {
                Some(n) if !n.is_empty() => format!("{base}: {n}"),
                _ => base,
            };
            let colour = b
                .product
                .map(|p| palette.product(p))
                .unwrap_or(palette.foreground);
            let values = quote
                .months
                .iter()
                .map(|m| {
                    m.budgets
                        .get(k)
                        .and_then(|bm| bm.amount_converted)
                        .map(to_f64_lossy)
                })
                .collect();
            (name, colour, b.product.is_none(), values)
        })
        .collect();
    let warnings = quote
        .budgets
        .iter()
        .enumerate()
        .map(|(k, summary)| {
            let warn_at = summary.budget.warn_at;
            let values = quote
                .months
                .iter()
                .map(|m| {
                    m.budgets
                        .get(k)
                        .and_then(|bm| bm.amount_converted)
                        .and_then(|a| a.checked_mul(warn_at))
                        .map(to_f64_lossy)
                })
                .collect();
            (warn_at, values)
        })
        .collect();
    let actuals = months
        .iter()
        .map(|month| {
            opts.actuals
                .iter()
                .find(|a| a.month == *month)
                .map(|a| (to_f64_lossy(a.amount).max(0.0), a.partial))
        })
        .collect();
    SpendData {
        months,
        stacks,
        products,
        incomplete: quote.months.iter().map(|m| !m.complete).collect(),
        budgets,
        warnings,
        actuals,
    }
}

fn draw_spend<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    quote: &Quote,
    opts: &ChartOptions,
    bitmap: bool,
) -> Result<(), ReportError> {
    check_size(opts)?;
    if quote.months.is_empty() {
        return Err(ReportError::NoMonths);
    }
    let palette = Palette::of(opts.theme);
    let data = spend_data(quote, opts, &palette);
    let stack_max = data
        .stacks
        .iter()
        .map(|s| s.iter().sum::<f64>())
        .fold(0.0, f64::max);
    let budget_max = data
        .budgets
        .iter()
        .flat_map(|(_, _, _, v)| v.iter().flatten().copied())
        .fold(0.0, f64::max);
    let actual_max = data
        .actuals
        .iter()
        .flatten()
        .map(|(v, _)| *v)
        .fold(0.0, f64::max);
    let mut legend: Vec<(Swatch, String)> = data
        .products
        .iter()
        .map(|&p| {
            (
                Swatch::Block(palette.product(p)),
                opts.labels.product(p).to_string(),
            )
        })
        .collect();
    for (name, colour, whole, _) in &data.budgets {
        let swatch = if *whole {
            Swatch::Dashed(*colour)
        } else {
            Swatch::Line(*colour)
        };
        legend.push((swatch, name.clone()));
    }
    if let Some((first, _)) = data.warnings.first() {
        // One entry for every budget's warning line (each in its budget's colour); the
        // threshold is named when all budgets share it.
        let label = if data.warnings.iter().all(|(w, _)| w == first) {
            format!("{} ({})", opts.labels.warning, percent_text(*first))
        } else {
            opts.labels.warning.clone()
        };
        let swatch = if opts.width <= SOLID_WARNING_WIDTH {
            Swatch::ThinSolid(palette.foreground)
        } else {
            Swatch::Thin(palette.foreground)
        };
        legend.push((swatch, label));
    }
    if data.actuals.iter().flatten().next().is_some() {
        legend.push((
            Swatch::Marker(palette.actual, true),
            opts.labels.actual.clone(),
        ));
    }
    if data.actuals.iter().flatten().any(|(_, partial)| *partial) {
        legend.push((
            Swatch::Marker(palette.actual, false),
            opts.labels.actual_partial.clone(),
        ));
    }
    if data.incomplete.contains(&true) {
        legend.push((
            Swatch::Hatched(palette.muted),
            opts.labels.incomplete.clone(),
        ));
    }
    let currency = quote.currency.code();
    let frame = Frame {
        months: data.months.clone(),
        y_max: axis_top(stack_max.max(budget_max).max(actual_max)),
        y_title: format!("{} ({currency})", opts.labels.spend_axis),
        corner: Some(format!(
            "{}: {} {currency}",
            opts.labels.total,
            grouped_cents(quote.total)
        )),
        legend,
        opts,
    };
    frame.draw(root, bitmap, |chart, writer| {
        let palette = writer.palette;
        // Behind the bars: a hatched band with "no price" over each run of months whose total
        // leaves out lines without a price (rule GEN-5). Their bars are only the known part.
        for (first, last) in runs_of(&data.incomplete) {
            no_price_band(chart, writer, None, (first, last))?;
        }
        // Bars: each month's spend stacked TCR, TCSS, Image Search; a small gap between months.
        let gap = if data.months.len() > 60 { 0.1 } else { 0.18 };
        for (i, stack) in data.stacks.iter().enumerate() {
            let mut base = 0.0;
            for (k, value) in stack.iter().enumerate() {
                if *value <= 0.0 {
                    continue;
                }
                let x0 = i as f64 + gap;
                let x1 = i as f64 + 1.0 - gap;
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x0, base), (x1, base + value)],
                        palette.products[k].filled(),
                    )))
                    .map_err(draw_err)?;
                base += value;
            }
        }
        // Budget lines on top, each over a halo of the background so it stays visible where
        // it crosses a bar of its own colour.
        for (_, colour, whole, values) in &data.budgets {
            for segment in step_segments(values) {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        segment.clone(),
                        palette.background.stroke_width(5),
                    )))
                    .map_err(draw_err)?;
                if *whole {
                    chart
                        .draw_series(std::iter::once(DashedPathElement::new(
                            segment,
                            8,
                            5,
                            colour.stroke_width(2),
                        )))
                        .map_err(draw_err)?;
                } else {
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            segment,
                            colour.stroke_width(2),
                        )))
                        .map_err(draw_err)?;
                }
            }
        }
        // Each budget's warning level: a thin dashed line in the budget's colour (rule BUD-2),
        // over a thin halo so it shows across a bar of its own colour.
        for ((_, colour, _, _), (_, values)) in data.budgets.iter().zip(&data.warnings) {
            for segment in step_segments(values) {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        segment.clone(),
                        palette.background.stroke_width(3),
                    )))
                    .map_err(draw_err)?;
                if opts.width <= SOLID_WARNING_WIDTH {
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            segment,
                            colour.mix(WARNING_ALPHA).stroke_width(1),
                        )))
                        .map_err(draw_err)?;
                } else {
                    chart
                        .draw_series(std::iter::once(DashedPathElement::new(
                            segment,
                            WARNING_DASH,
                            WARNING_DASH,
                            colour.stroke_width(1),
                        )))
                        .map_err(draw_err)?;
                }
            }
        }
        // Actual spend on top (rule BUD-4): a line through the months that have one, a
        // marker on each, hollow where only some products have an actual.
        let mut segment: Vec<(f64, f64)> = Vec::new();
        let mut segments = Vec::new();
        for (i, v) in data.actuals.iter().enumerate() {
            match v {
                Some((v, _)) => segment.push((i as f64 + 0.5, *v)),
                None if !segment.is_empty() => segments.push(std::mem::take(&mut segment)),
                None => {}
            }
        }
        if !segment.is_empty() {
            segments.push(segment);
        }
        for s in segments {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    s.clone(),
                    palette.background.stroke_width(5),
                )))
                .map_err(draw_err)?;
            chart
                .draw_series(std::iter::once(PathElement::new(
                    s,
                    palette.actual.stroke_width(2),
                )))
                .map_err(draw_err)?;
        }
        let area = chart.plotting_area().strip_coord_spec();
        let (bx, by) = chart.plotting_area().get_base_pixel();
        for (i, v) in data.actuals.iter().enumerate() {
            if let Some((v, partial)) = v {
                let (px, py) = chart.backend_coord(&(i as f64 + 0.5, *v));
                marker(
                    &area,
                    (px - bx, py - by),
                    palette.actual,
                    !partial,
                    palette.background,
                )?;
            }
        }
        for (first, last) in runs_of(&data.incomplete) {
            no_price_band(chart, writer, Some(&opts.labels.no_price), (first, last))?;
        }
        Ok(())
    })
}

/// The band over the months `first…last` (indices) that lack a price: outlined and hatched
/// behind the bars (`label` `None`), or its words at its top over everything, when they fit
/// across it.
fn no_price_band<DB: DrawingBackend>(
    chart: &Plot<'_, DB>,
    writer: &Writer,
    label: Option<&str>,
    (first, last): (usize, usize),
) -> Result<(), ReportError> {
    let palette = writer.palette;
    let area = chart.plotting_area().strip_coord_spec();
    let (bx, by) = chart.plotting_area().get_base_pixel();
    let y_top = chart.plotting_area().get_y_range().end;
    let (x0, y0) = chart.backend_coord(&(first as f64, y_top));
    let (x1, y1) = chart.backend_coord(&(last as f64 + 1.0, 0.0));
    let (x0, y0, x1, y1) = (x0 - bx + 1, y0 - by, x1 - bx - 1, y1 - by);
    if x1 <= x0 {
        return Ok(());
    }
    if let Some(label) = label {
        let width = writer.width(&area, label, LABEL_SIZE)?;
        if width + 8 <= x1 - x0 {
            let (cx, cy) = ((x0 + x1) / 2, y0 + 14);
            area.draw(&Rectangle::new(
                [(cx - width / 2 - 3, cy - 9), (cx + width / 2 + 3, cy + 9)],
                palette.background.filled(),
            ))
            .map_err(draw_err)?;
            writer.draw(
                &area,
                label,
                (cx, cy),
                HPos::Center,
                LABEL_SIZE,
                palette.foreground,
            )?;
        }
        return Ok(());
    }
    area.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        palette.muted.mix(0.08).filled(),
    ))
    .map_err(draw_err)?;
    hatch(
        &area,
        (x0, y0),
        (x1, y1),
        palette.muted.mix(0.35).stroke_width(1),
    )?;
    area.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        palette.muted.stroke_width(1),
    ))
    .map_err(draw_err)?;
    Ok(())
}

/// A `?` just above a point whose value is only a lower bound (some prices are missing).
fn unknown_mark<DB: DrawingBackend>(
    chart: &mut Plot<'_, DB>,
    palette: &Palette,
    at: (f64, f64),
) -> Result<(), ReportError> {
    let style = (FontFamily::SansSerif, TITLE_SIZE)
        .into_font()
        .color(&palette.foreground)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    chart
        .draw_series(std::iter::once(
            EmptyElement::at(at) + Text::new("?", (0, -6), style),
        ))
        .map(|_| ())
        .map_err(draw_err)
}

fn svg_string(
    width: u32,
    height: u32,
    draw: impl FnOnce(DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), ReportError>,
) -> Result<String, ReportError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(root)?;
    }
    Ok(out)
}

/// Monthly spend stacked by product, with the budget lines (whole-scenario budgets dashed,
/// product budgets in the product's colour, each only in the months it is in force), month
/// labels thinned to fit (up to 120 months), the money axis in the report currency, the
/// scenario total and a legend below the plot.
///
/// Negative product spend (none of today's rules produces it) is drawn as zero.
pub fn spend_chart_svg(quote: &Quote, opts: &ChartOptions) -> Result<String, ReportError> {
    check_size(opts)?;
    svg_string(opts.width, opts.height, |root| {
        draw_spend(root, quote, opts, false)
    })
}

/// [`spend_chart_svg`] as a PNG, drawn with the embedded fonts: the labels of
/// [`ChartLabels::english`] and [`ChartLabels::chinese`] render, other CJK text (a Chinese
/// budget name) does not have glyphs and shows as boxes.
pub fn spend_chart_png(quote: &Quote, opts: &ChartOptions) -> Result<Vec<u8>, ReportError> {
    check_size(opts)?;
    let (w, h) = (opts.width, opts.height);
    let mut pixels = vec![0u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        draw_spend(root, quote, opts, true)?;
    }
    encode_png(&pixels, w, h)
}

fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ReportError> {
    let png_err = |e: png::EncodingError| ReportError::Png(e.to_string());
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(png_err)?;
        writer.write_image_data(rgb).map_err(png_err)?;
        writer.finish().map_err(png_err)?;
    }
    Ok(out)
}

/// 2–4 scenarios' monthly totals as lines on one chart, aligned by calendar month (a line
/// breaks where its scenario has no such month), with the scenario names in the legend. The
/// scenarios must share a report currency ([`ReportError::CurrencyMismatch`]).
pub fn overlay_chart_svg(
    quotes: &[(&str, &Quote)],
    opts: &ChartOptions,
) -> Result<String, ReportError> {
    check_size(opts)?;
    let currency = check_comparable(quotes.iter().map(|(_, q)| *q))?;
    let months = calendar_months(quotes.iter().map(|(_, q)| *q));
    if months.is_empty() {
        return Err(ReportError::NoMonths);
    }
    // Per scenario and calendar month: the total, and whether it is complete.
    let series: Vec<Vec<Option<(f64, bool)>>> = quotes
        .iter()
        .map(|(_, q)| {
            months
                .iter()
                .map(|m| {
                    let complete = q.months.iter().any(|qm| qm.month == *m && qm.complete);
                    month_total(q, *m).map(|t| (to_f64_lossy(t), complete))
                })
                .collect()
        })
        .collect();
    let max = series
        .iter()
        .flatten()
        .flatten()
        .map(|(v, _)| *v)
        .fold(0.0, f64::max);
    let any_incomplete = series.iter().flatten().flatten().any(|(_, c)| !c);
    let palette = Palette::of(opts.theme);
    let mut legend: Vec<(Swatch, String)> = quotes
        .iter()
        .enumerate()
        .map(|(k, (name, _))| (Swatch::Line(palette.scenarios[k % 4]), name.to_string()))
        .collect();
    if any_incomplete {
        legend.push((
            Swatch::Unknown(palette.foreground),
            opts.labels.incomplete.clone(),
        ));
    }
    let frame = Frame {
        months: months.clone(),
        y_max: axis_top(max),
        y_title: format!("{} ({})", opts.labels.spend_axis, currency.code()),
        corner: None,
        legend,
        opts,
    };
    let markers = months.len() <= 36;
    svg_string(opts.width, opts.height, |root| {
        frame.draw(root, false, |chart, writer| {
            let palette = writer.palette;
            for (k, values) in series.iter().enumerate() {
                let colour = palette.scenarios[k % 4];
                let mut segment: Vec<(f64, f64)> = Vec::new();
                let mut segments = Vec::new();
                // An incomplete month is only a lower bound: the line breaks there and the
                // point gets a hollow marker and a `?`.
                for (i, v) in values.iter().enumerate() {
                    match v {
                        Some((v, true)) => segment.push((i as f64 + 0.5, *v)),
                        Some((v, false)) => {
                            let at = (i as f64 + 0.5, *v);
                            chart
                                .draw_series(std::iter::once(Circle::new(
                                    at,
                                    4,
                                    colour.stroke_width(2),
                                )))
                                .map_err(draw_err)?;
                            unknown_mark(chart, palette, at)?;
                            if !segment.is_empty() {
                                segments.push(std::mem::take(&mut segment));
                            }
                        }
                        None if !segment.is_empty() => segments.push(std::mem::take(&mut segment)),
                        None => {}
                    }
                }
                if !segment.is_empty() {
                    segments.push(segment);
                }
                for s in segments {
                    // A lone month has no line to show it: it always gets a marker.
                    if markers || s.len() == 1 {
                        chart
                            .draw_series(s.iter().map(|&p| Circle::new(p, 3, colour.filled())))
                            .map_err(draw_err)?;
                    }
                    chart
                        .draw_series(std::iter::once(PathElement::new(s, colour.stroke_width(2))))
                        .map_err(draw_err)?;
                }
            }
            Ok(())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap_or_else(|| panic!("bad month"))
    }

    #[test]
    fn chinese_legend_entries_are_measured_one_em_a_character_in_svg() {
        fonts::ensure_registered().unwrap_or_else(|e| panic!("{e}"));
        let mut out = String::new();
        let area = SVGBackend::with_string(&mut out, (960, 540)).into_drawing_area();
        let palette = Palette::of(Theme::Light);
        let writer = Writer {
            bitmap: false,
            palette: &palette,
        };
        // In the subset (a label) and outside it (a user's budget name).
        for text in ["阿里云图像搜索", "华东安全预算"] {
            let w = writer
                .width(&area, text, LABEL_SIZE)
                .unwrap_or_else(|e| panic!("{e}"));
            let em = LABEL_SIZE * text.chars().count() as f64;
            assert!(
                f64::from(w) >= em * 0.9,
                "{text}: {w} px for {em} px of CJK text"
            );
        }
        let entries = vec![
            (
                Swatch::Block(palette.products[2]),
                "阿里云图像搜索".to_string(),
            ),
            (
                Swatch::Dashed(palette.foreground),
                "预算: Cloud tooling".to_string(),
            ),
        ];
        let (positions, _) =
            layout_legend(&area, &writer, &entries, 900).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            positions[1].0 >= 26 + 7 * LABEL_SIZE as i32,
            "{positions:?}"
        );
    }

    #[test]
    fn month_labels_thin_out_and_follow_the_calendar() {
        let start = ym(2027, 1);
        let twelve: Vec<YearMonth> = (0..12).map(|k| start.plus(k)).collect();
        assert_eq!(month_label_indices(&twelve, 900, 50).len(), 12);
        let long: Vec<YearMonth> = (0..120).map(|k| start.plus(k)).collect();
        let shown = month_label_indices(&long, 900, 50);
        assert!(shown.len() <= 14, "{shown:?}");
        assert!(shown.iter().all(|&i| long[i].month() == 1), "{shown:?}");
        // A May start with a quarterly step keeps its first label.
        let may: Vec<YearMonth> = (0..30).map(|k| ym(2027, 5).plus(k)).collect();
        assert_eq!(month_label_indices(&may, 700, 50)[0], 0);
    }

    #[test]
    fn axis_and_corner_numbers_read_well() {
        assert_eq!(axis_money(1234567.0, false), "1,234,567");
        assert_eq!(axis_money(0.5, true), "0.50");
        use std::str::FromStr;
        let d = Decimal::from_str("12345.605").unwrap_or_default();
        assert_eq!(grouped_cents(d), "12,345.61");
        assert_eq!(grouped_cents(-d), "-12,345.61");
        assert_eq!(grouped_cents(Decimal::ZERO), "0.00");
    }

    #[test]
    fn chinese_labels_are_in_the_embedded_font() {
        let l = ChartLabels::chinese();
        assert_eq!(l.products.len(), Product::ALL.len());
        for text in l.products.iter().chain([
            &l.budget,
            &l.month_axis,
            &l.spend_axis,
            &l.total,
            &l.incomplete,
            &l.no_price,
            &l.warning,
            &l.actual,
            &l.actual_partial,
        ]) {
            for c in text.chars().filter(|c| !c.is_ascii()) {
                assert!(fonts::CJK_SUBSET.contains(c), "{c} in {text}");
            }
        }
    }

    #[test]
    fn step_lines_break_where_a_budget_is_not_in_force() {
        let s = step_segments(&[Some(1.0), Some(1.0), None, Some(2.0)]);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0], vec![(0.0, 1.0), (1.0, 1.0), (1.0, 1.0), (2.0, 1.0)]);
        assert_eq!(s[1], vec![(3.0, 2.0), (4.0, 2.0)]);
    }
}
