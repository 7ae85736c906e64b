//! The `plancast` command line (`docs/scenario-format.md`, "Command line").
//!
//! Headless: it needs no display. Exit status 0 on success, 2 on invalid input (one message
//! per problem on stderr), 1 on any other failure. Nothing is written when the input is
//! invalid: output files are written only after the whole result has been computed.

mod json;
mod table;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use pricing::{Currency, Lang, PriceBook, Product, Scenario, Site};

pub use json::{comparison_json, prices_json, quote_json};
pub use table::{comparison_table, prices_table, quote_table};

/// Exit status for invalid input.
pub const EXIT_INVALID: i32 = 2;
/// Exit status for any other failure.
pub const EXIT_FAILURE: i32 = 1;

#[derive(Debug, Parser)]
#[command(
    name = "plancast",
    version,
    about = "Compare cloud plans and budget spend for Tencent Container Registry (TCR), Tencent Container Security Service (TCSS) and Alibaba Cloud Image Search.",
    long_about = "Compare cloud plans and budget spend for Tencent Container Registry (TCR), Tencent Container Security Service (TCSS) and Alibaba Cloud Image Search.\n\nWith no arguments Plancast opens its window. With a command it runs headless.\n\nExit status: 0 success; 2 invalid input (one message per problem on stderr); 1 any other failure. Nothing is written when the input is invalid.",
    after_help = "Examples:\n  plancast quote examples/startup-intl.json\n  plancast quote examples/startup-intl.json --format csv --out quote.csv\n  plancast compare examples/catalogue-growth.json\n  plancast chart examples/startup-intl.json --out spend.svg\n  plancast validate my-scenario.json\n  plancast prices --product tcss --site tencent-intl --date 2027-01-01"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of texts, table headings and CSV headings: en or zh-CN (default: from LC_ALL,
    /// LC_MESSAGES or LANG, else English). Codes, JSON field names and keys never change.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    /// The app's data directory, whose database holds the price-book updates you loaded
    /// (default: the directory the app uses, see `plancast prices import --help`).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

/// The language asked for with `--lang`, else the one the environment names, else English.
fn language(asked: Option<&str>, environment: bool) -> Result<Lang, CliError> {
    if let Some(tag) = asked {
        return Lang::from_tag(tag).ok_or_else(|| {
            CliError::invalid(format!("--lang: must be en or zh-CN, got \"{tag}\""))
        });
    }
    if environment {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(lang) = std::env::var(var)
                .ok()
                .filter(|v| !v.is_empty())
                .and_then(|v| Lang::from_tag(&v))
            {
                return Ok(lang);
            }
        }
    }
    Ok(Lang::En)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartTheme {
    Light,
    Dark,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Month-by-month quote of a scenario.
    #[command(
        after_help = "Examples:\n  plancast quote examples/startup-intl.json\n  plancast quote examples/enterprise-cn.json --format json\n  plancast quote examples/startup-intl.json --format csv --out quote.csv --no-bom\n  plancast quote examples/enterprise-cn.json --currency USD\n\nThe default format is table on a terminal and json when the output is piped or written to a file."
    )]
    Quote {
        /// Scenario file (JSON, format version 1).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Report currency, overriding the scenario's (USD or CNY); needs a rate in the scenario.
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// CSV without the UTF-8 byte-order mark (Excel needs it for Chinese text).
        #[arg(long)]
        no_bom: bool,
    },
    /// Every alternative per product with its cost or why it is infeasible, cheapest first.
    #[command(
        after_help = "Examples:\n  plancast compare examples/catalogue-growth.json\n  plancast compare examples/startup-intl.json --format json"
    )]
    Compare {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// CSV without the UTF-8 byte-order mark.
        #[arg(long)]
        no_bom: bool,
    },
    /// The projected monthly spend chart, stacked by product with the budget lines and their
    /// warning levels (a scenario file has no actual spend: the app's export draws it).
    #[command(
        after_help = "Examples:\n  plancast chart examples/startup-intl.json --out spend.svg\n  plancast chart examples/enterprise-cn.json --out spend.png --theme dark"
    )]
    Chart {
        file: PathBuf,
        /// Output file; the extension chooses the format: .svg or .png.
        #[arg(long, value_name = "PATH.svg|PATH.png")]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "light")]
        theme: ChartTheme,
        #[arg(long, default_value_t = 1200)]
        width: u32,
        #[arg(long, default_value_t = 700)]
        height: u32,
    },
    /// Checks a scenario file and reports every problem.
    #[command(after_help = "Examples:\n  plancast validate my-scenario.json")]
    Validate { file: PathBuf },
    /// The price-book entries in force on a date, with their sources, and the TCR quota table
    /// and regions in force; `prices import` loads a price-book update, `prices diff` lists
    /// what starts or ends between two dates.
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  plancast prices\n  plancast prices --product tcr --site tencent-cn --date 2027-01-01\n  plancast prices --product image_search --format json\n  plancast prices --date 2023-06-30 --format csv > prices.csv"
    )]
    Prices {
        /// tcr, tcss or image_search.
        #[arg(long, value_name = "P")]
        product: Option<String>,
        /// tencent-intl, tencent-cn, aliyun-cn or aliyun-intl.
        #[arg(long, value_name = "S")]
        site: Option<String>,
        /// Entries in force on this date (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// CSV without the UTF-8 byte-order mark.
        #[arg(long)]
        no_bom: bool,
        #[command(subcommand)]
        action: Option<PricesAction>,
    },
    /// Actual spend from bills: `actuals import` reads a bill into a scenario of the app's
    /// database, `actuals list` shows what is stored.
    Actuals {
        #[command(subcommand)]
        action: ActualsAction,
    },
}

#[derive(Debug, Subcommand)]
enum ActualsAction {
    /// Imports a bill into a scenario's actual spend: a FOCUS export (1.0–1.2), a Tencent
    /// Cloud or Alibaba Cloud bill-detail export (English or Chinese headers, UTF-8 or GBK), or
    /// any CSV through --map. The preview shows the rows read, matched, unmatched and
    /// unreadable, the totals per month and product, and what changes; then the months and
    /// products of the bill replace what is stored for them, in one transaction (importing the
    /// same bill twice changes nothing). Amounts are converted into the scenario's currency at
    /// each month's rate (rule GEN-8). Format notes: docs/bills.md.
    #[command(after_help = "Examples:
  plancast actuals import bill-2027-03.csv --scenario \"Registry + security, 2027\" --dry-run
  plancast actuals import focus.csv --scenario \"Registry + security, 2027\"
  plancast actuals import export.csv --scenario Plan --map month=\"Invoice date\" --map product=\"Line item\" --map amount=\"Net amount\" --map currency-code=CNY

--map names the columns of a CSV Plancast does not recognise: month=COLUMN, product=COLUMN, amount=COLUMN, and currency=COLUMN or currency-code=USD|CNY. The mapping is remembered for that header shape.")]
    Import {
        /// The bill (CSV, comma or tab separated).
        file: PathBuf,
        /// The scenario's name in the app's database.
        #[arg(long, value_name = "NAME")]
        scenario: String,
        /// A column of a CSV Plancast does not recognise: FIELD=COLUMN (repeat for each field).
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        map: Vec<String>,
        /// Show the preview only; store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the readable rows even when some rows cannot be read.
        #[arg(long)]
        skip_unreadable: bool,
        /// table (default on a terminal) or json.
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
    /// The actual spend stored for a scenario, typed or imported, with the bill it came from.
    #[command(
        after_help = "Examples:\n  plancast actuals list --scenario \"Registry + security, 2027\""
    )]
    List {
        #[arg(long, value_name = "NAME")]
        scenario: String,
        /// table (default on a terminal) or json.
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
}

#[derive(Debug, Subcommand)]
enum PricesAction {
    /// Loads a price-book update: a file in the built-in book's format (entries with their
    /// sources and dates, and the sources they cite). It is checked like the built-in book;
    /// every problem is reported with its path and nothing is stored when there is one.
    /// Otherwise the saved scenarios it changes are listed (total before → after, first month
    /// that differs) and it is stored in the app's database, where the app and every later
    /// command use it. Saved quotes keep the prices they were made with.
    #[command(
        after_help = "Examples:\n  plancast prices import tcr-2027.json --dry-run\n  plancast prices import tcr-2027.json\n  plancast prices import tcr-2027.json --data-dir /tmp/plancast-test\n\nThe database is the app's: $XDG_DATA_HOME/com.plancast.desktop/plancast.sqlite3 on Linux (~/.local/share/… by default), ~/Library/Application Support/com.plancast.desktop on macOS, %APPDATA%\\com.plancast.desktop on Windows; --data-dir names another directory."
    )]
    Import {
        /// The update file (JSON).
        file: PathBuf,
        /// Check the file and show what it would change, without storing it.
        #[arg(long)]
        dry_run: bool,
    },
    /// The price-book entries that start or end between two dates (both included), with the
    /// updates you loaded applied.
    #[command(
        after_help = "Examples:\n  plancast prices diff --from 2023-06-01 --to 2023-07-31\n  plancast prices diff --from 2027-01-01 --to 2027-12-31 --format json"
    )]
    Diff {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
        /// table or json.
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
}

/// A command-line failure: invalid input (exit 2) or anything else (exit 1).
#[derive(Debug)]
pub enum CliError {
    Invalid(Vec<String>),
    Failed(String),
}

impl CliError {
    fn invalid(message: impl Into<String>) -> Self {
        CliError::Invalid(vec![message.into()])
    }
}

/// Runs the command line with the process arguments and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_INVALID } else { 0 };
        }
    };
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let data_dir = cli
        .data_dir
        .clone()
        .or_else(crate::data_dir::default_data_dir);
    let result = language(cli.lang.as_deref(), true).and_then(|lang| {
        execute(
            cli.command,
            Context {
                terminal: stdout_is_terminal,
                today: chrono::Local::now().date_naive(),
                now: chrono::Utc::now(),
                lang,
                data_dir,
            },
        )
    });
    match result {
        Ok(output) => match deliver(output) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("plancast: {message}");
                EXIT_FAILURE
            }
        },
        Err(CliError::Invalid(problems)) => {
            for p in problems {
                eprintln!("{p}");
            }
            EXIT_INVALID
        }
        Err(CliError::Failed(message)) => {
            eprintln!("plancast: {message}");
            EXIT_FAILURE
        }
    }
}

/// What a command produced: bytes for stdout or a file, and a message for stderr.
struct Output {
    bytes: Vec<u8>,
    to: Option<PathBuf>,
    message: Option<String>,
}

fn deliver(output: Output) -> Result<(), String> {
    match &output.to {
        Some(path) => crate::files::write_atomically(path, &output.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&output.bytes)
                .and_then(|_| out.flush())
                .map_err(|e| format!("cannot write the output: {e}"))?;
        }
    }
    if let Some(m) = output.message {
        eprintln!("{m}");
    }
    Ok(())
}

/// Reads and validates a scenario file. Problems come back one per line, prefixed with the
/// file name.
pub fn load_scenario(path: &Path, lang: Lang) -> Result<Scenario, CliError> {
    use crate::files::{read_to_string_limited, ReadError};
    // Never more than the size limit is read: a larger file is invalid input (exit 2).
    let text =
        read_to_string_limited(path, pricing::jsonread::MAX_FILE_BYTES).map_err(|e| match e {
            ReadError::Io(e) => CliError::Failed(format!("cannot read {}: {e}", path.display())),
            ReadError::TooLarge => CliError::invalid(format!(
                "{}: {}",
                path.display(),
                field_line(&pricing::scenario::file_too_large(), lang)
            )),
            ReadError::NotUtf8 => {
                CliError::invalid(format!("{}: the file is not UTF-8 text", path.display()))
            }
        })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    pricing::parse_scenario(text).map_err(|errors| {
        CliError::Invalid(
            errors
                .iter()
                .map(|e| format!("{}: {}", path.display(), field_line(e, lang)))
                .collect(),
        )
    })
}

/// A field problem as one line, `path: what is wrong`, in `lang`.
fn field_line(e: &pricing::FieldError, lang: Lang) -> String {
    if e.path.is_empty() {
        e.text(lang)
    } else {
        format!("{}: {}", e.path, e.text(lang))
    }
}

fn quote_of(scenario: &Scenario, path: &Path, cx: &Context) -> Result<pricing::Quote, CliError> {
    let book = cx.book()?;
    pricing::quote(scenario, &book).map_err(|e| quote_error(e, path, cx.lang))
}

/// What a command runs with besides its arguments.
struct Context {
    /// Whether standard output is a terminal (the default format is then a table).
    terminal: bool,
    today: chrono::NaiveDate,
    /// When an update is stored.
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
    /// The app's data directory; `None` means no database (the built-in book alone).
    data_dir: Option<PathBuf>,
}

impl Context {
    fn db_path(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(store::default_db_path)
    }

    /// The app's database, when there is one. A database the app would refuse (newer,
    /// damaged) is refused here too, untouched; with `create`, a missing one is made.
    fn store(&self, create: bool) -> Result<Option<store::Store>, CliError> {
        let Some(path) = self.db_path() else {
            return Ok(None);
        };
        if !create && !path.exists() {
            return Ok(None);
        }
        store::Store::open(&path).map(Some).map_err(|e| {
            CliError::Failed(format!("cannot open the database {}: {e}", path.display()))
        })
    }

    /// The built-in price book with the updates loaded into the app's database.
    fn book(&self) -> Result<std::borrow::Cow<'static, PriceBook>, CliError> {
        match self.store(false)? {
            None => Ok(std::borrow::Cow::Borrowed(PriceBook::builtin())),
            Some(s) => crate::price_updates::updated_book(&s).map_err(|e| CliError::Failed(e.0)),
        }
    }
}

/// Invalid input, a figure too large to compute among it (exit status 2), or a price book
/// that cannot be used (1).
fn quote_error(e: pricing::QuoteError, path: &Path, lang: Lang) -> CliError {
    match e {
        pricing::QuoteError::Invalid(errors) => CliError::Invalid(
            errors
                .iter()
                .map(|e| format!("{}: {}", path.display(), field_line(e, lang)))
                .collect(),
        ),
        pricing::QuoteError::TooLarge(o) => CliError::Invalid(vec![format!(
            "{}: {}",
            path.display(),
            o.message().render(lang)
        )]),
        other => CliError::Failed(other.to_string()),
    }
}

/// Runs a command to its output without writing anything (so tests can call it), except that
/// `prices import` stores its update in the database.
fn execute(command: Command, cx: Context) -> Result<Output, CliError> {
    let (terminal, today, lang) = (cx.terminal, cx.today, cx.lang);
    let default_format = |out: &Option<PathBuf>| {
        if terminal && out.is_none() {
            Format::Table
        } else {
            Format::Json
        }
    };
    match command {
        Command::Quote {
            file,
            format,
            currency,
            out,
            no_bom,
        } => {
            let mut scenario = load_scenario(&file, lang)?;
            if let Some(code) = currency {
                let c: Currency = code.parse().map_err(|_| {
                    CliError::invalid(format!("--currency: must be USD or CNY, got \"{code}\""))
                })?;
                scenario.currency = c;
                // Re-run the file checks: the new report currency may lack a rate (rule GEN-8).
                let text = scenario.to_json().to_string();
                scenario = pricing::parse_scenario(&text).map_err(|errors| {
                    CliError::Invalid(
                        errors
                            .iter()
                            .map(|e| {
                                format!(
                                    "{} (with --currency {c}): {}",
                                    file.display(),
                                    field_line(e, lang)
                                )
                            })
                            .collect(),
                    )
                })?;
            }
            let quote = quote_of(&scenario, &file, &cx)?;
            let bytes = match format.unwrap_or_else(|| default_format(&out)) {
                Format::Table => quote_table(&quote, lang).into_bytes(),
                Format::Json => pretty(&quote_json(&quote, lang))?,
                Format::Csv => report::quote_csv(&quote, &csv_options(no_bom, lang))
                    .map_err(|e| CliError::Failed(e.to_string()))?,
            };
            Ok(Output {
                bytes,
                to: out,
                message: None,
            })
        }
        Command::Compare {
            file,
            format,
            out,
            no_bom,
        } => {
            let scenario = load_scenario(&file, lang)?;
            let cmp = pricing::compare(&scenario, &*cx.book()?)
                .map_err(|e| quote_error(e, &file, lang))?;
            let bytes = match format.unwrap_or_else(|| default_format(&out)) {
                Format::Table => comparison_table(&cmp, lang).into_bytes(),
                Format::Json => pretty(&comparison_json(&cmp, lang))?,
                Format::Csv => report::comparison_csv(&cmp, &csv_options(no_bom, lang))
                    .map_err(|e| CliError::Failed(e.to_string()))?,
            };
            Ok(Output {
                bytes,
                to: out,
                message: None,
            })
        }
        Command::Chart {
            file,
            out,
            theme,
            width,
            height,
        } => {
            let ext = out
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            if !matches!(ext.as_deref(), Some("svg" | "png")) {
                return Err(CliError::invalid(format!(
                    "--out: must end in .svg or .png, got {}",
                    out.display()
                )));
            }
            if !(200..=8000).contains(&width) || !(150..=8000).contains(&height) {
                return Err(CliError::invalid(
                    "--width/--height: must be 200–8000 by 150–8000 pixels",
                ));
            }
            let scenario = load_scenario(&file, lang)?;
            let quote = quote_of(&scenario, &file, &cx)?;
            let opts = report::ChartOptions {
                width,
                height,
                theme: match theme {
                    ChartTheme::Light => report::Theme::Light,
                    ChartTheme::Dark => report::Theme::Dark,
                },
                labels: match lang {
                    Lang::En => report::ChartLabels::english(),
                    Lang::ZhCn => report::ChartLabels::chinese(),
                },
                // A scenario file has no actual spend (it is recorded in the app's database,
                // which the command line does not read): the projection only.
                actuals: Vec::new(),
            };
            let bytes = if ext.as_deref() == Some("svg") {
                report::spend_chart_svg(&quote, &opts).map(String::into_bytes)
            } else {
                report::spend_chart_png(&quote, &opts)
            }
            .map_err(|e| CliError::Failed(e.to_string()))?;
            let message = Some(format!("wrote {}", out.display()));
            Ok(Output {
                bytes,
                to: Some(out),
                message,
            })
        }
        Command::Validate { file } => {
            let scenario = load_scenario(&file, lang)?;
            // The dated checks (elastic cap minimum) need the price book: run the quote.
            let quote = quote_of(&scenario, &file, &cx)?;
            let mut text = format!(
                "{}: valid ({} months from {}, {})\n",
                file.display(),
                scenario.months,
                scenario.start,
                products_text(&scenario)
            );
            if !quote.complete {
                text.push_str("note: the quote is incomplete (some prices are missing); see `plancast quote`\n");
            }
            Ok(Output {
                bytes: text.into_bytes(),
                to: None,
                message: None,
            })
        }
        Command::Actuals { action } => actuals_command(action, &cx),
        Command::Prices {
            product,
            site,
            date,
            format,
            no_bom,
            action,
        } => {
            match action {
                Some(PricesAction::Import { file, dry_run }) => {
                    return import_update(&file, dry_run, &cx)
                }
                Some(PricesAction::Diff { from, to, format }) => {
                    let from = parse_date_arg("--from", &from)?;
                    let to = parse_date_arg("--to", &to)?;
                    if to < from {
                        return Err(CliError::invalid("--to: must not be before --from"));
                    }
                    let book = cx.book()?;
                    let changes = pricing::update::changes_between(&book, from, to);
                    let bytes = match format.unwrap_or_else(|| default_format(&None)) {
                        Format::Table => {
                            table::changes_table(&book, &changes, from, to, lang).into_bytes()
                        }
                        Format::Json => pretty(&json::changes_json(&book, &changes, from, to))?,
                        Format::Csv => {
                            return Err(CliError::invalid(
                                "--format: prices diff is shown as table or json",
                            ))
                        }
                    };
                    return Ok(Output {
                        bytes,
                        to: None,
                        message: None,
                    });
                }
                None => {}
            }
            let product = product
                .map(|p| {
                    Product::from_key(&p).ok_or_else(|| {
                        let keys = Product::ALL.map(Product::key).join(", ");
                        CliError::invalid(format!("--product: must be one of {keys}, got \"{p}\""))
                    })
                })
                .transpose()?;
            let site = site
                .map(|s| Site::from_key(&s).ok_or_else(|| CliError::invalid(format!("--site: must be one of tencent-intl, tencent-cn, aliyun-cn, aliyun-intl, got \"{s}\""))))
                .transpose()?;
            let date = match date {
                Some(d) => parse_date_arg("--date", &d)?,
                None => today,
            };
            let book = cx.book()?;
            let view = book.view(date, product, site);
            let bytes = match format.unwrap_or_else(|| default_format(&None)) {
                Format::Table => prices_table(&view, lang).into_bytes(),
                Format::Json => pretty(&prices_json(&view, lang))?,
                Format::Csv => report::prices_csv(&view, &csv_options(no_bom, lang))
                    .map_err(|e| CliError::Failed(e.to_string()))?,
            };
            Ok(Output {
                bytes,
                to: None,
                message: None,
            })
        }
    }
}

fn parse_date_arg(name: &str, text: &str) -> Result<chrono::NaiveDate, CliError> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        CliError::invalid(format!("{name}: must be a date YYYY-MM-DD, got \"{text}\""))
    })
}

/// `plancast prices import FILE [--dry-run]`: checks the update, shows what it changes and,
/// unless it is a dry run, stores it. Problems are invalid input (exit 2), one line each with
/// the file and the path, and nothing is stored.
fn import_update(file: &Path, dry_run: bool, cx: &Context) -> Result<Output, CliError> {
    use crate::files::{read_to_string_limited, ReadError};
    use crate::price_updates::{check, effect, store_update, Refusal};
    let lang = cx.lang;
    let text =
        read_to_string_limited(file, pricing::jsonread::MAX_FILE_BYTES).map_err(|e| match e {
            ReadError::Io(e) => CliError::Failed(format!("cannot read {}: {e}", file.display())),
            ReadError::TooLarge => CliError::invalid(format!(
                "{}: {}",
                file.display(),
                field_line(&pricing::scenario::file_too_large(), lang)
            )),
            ReadError::NotUtf8 => {
                CliError::invalid(format!("{}: the file is not UTF-8 text", file.display()))
            }
        })?;
    if !dry_run && cx.data_dir.is_none() {
        return Err(CliError::Failed(
            "no data directory: give --data-dir (the OS reports no home directory)".into(),
        ));
    }
    // An existing database is read for the stored updates and the saved scenarios; a new one
    // is made only to store a valid update, never for a refused one.
    let db = cx.store(false)?;
    let checked = check(db.as_ref(), &text).map_err(|r| match r {
        Refusal::Invalid(errors) => CliError::Invalid(
            errors
                .iter()
                .map(|e| format!("{}: {}", file.display(), field_line(e, lang)))
                .collect(),
        ),
        Refusal::Failed(e) => CliError::Failed(e.0),
    })?;
    let changes = match &db {
        Some(s) => {
            // The app's quotes have the user's own prices on top: so does the preview.
            let user: Vec<pricing::PriceEntry> = crate::commands::quotes::user_entries(s)
                .map_err(|e| CliError::Failed(e.message))?
                .into_iter()
                .map(|(_, e)| e)
                .collect();
            effect(s, &checked, &user).map_err(|e| CliError::Failed(e.0))?
        }
        None => Default::default(),
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string());
    let mut out = table::update_preview(&checked, &changes, &name, lang);
    match db {
        _ if dry_run => out.push_str(lang.text("report.table.update_dry_run")),
        existing => {
            let mut s = match existing {
                Some(s) => s,
                None => cx
                    .store(true)?
                    .ok_or_else(|| CliError::Failed("no data directory: give --data-dir".into()))?,
            };
            store_update(&mut s, &name, &text, cx.now).map_err(|e| CliError::Failed(e.0))?;
            out.push_str(&lang.format(
                "report.table.update_stored",
                &[(
                    "path",
                    &cx.db_path().unwrap_or_default().display().to_string(),
                )],
            ));
        }
    }
    out.push('\n');
    Ok(Output {
        bytes: out.into_bytes(),
        to: None,
        message: None,
    })
}

/// The id of the scenario named `name` in the app's database.
fn scenario_named(store: &store::Store, name: &str) -> Result<i64, CliError> {
    let matches: Vec<i64> = store
        .list_scenarios()
        .map_err(|e| CliError::Failed(e.to_string()))?
        .into_iter()
        .filter(|s| s.name == name)
        .map(|s| s.id)
        .collect();
    match matches.as_slice() {
        [id] => Ok(*id),
        [] => Err(CliError::invalid(format!(
            "--scenario: no scenario named \"{name}\" in the app's database (plancast actuals list needs a saved scenario's exact name)"
        ))),
        _ => Err(CliError::invalid(format!(
            "--scenario: {} scenarios are named \"{name}\": rename one in the app",
            matches.len()
        ))),
    }
}

/// `--map month=COL --map product=COL --map amount=COL --map currency=COL|currency-code=CNY`.
fn parse_mapping(map: &[String]) -> Result<Option<bills::Mapping>, CliError> {
    if map.is_empty() {
        return Ok(None);
    }
    let mut fields: std::collections::BTreeMap<&str, &str> = Default::default();
    for item in map {
        let Some((field, column)) = item.split_once('=') else {
            return Err(CliError::invalid(format!(
                "--map: \"{item}\" must be FIELD=COLUMN (month, product, amount, currency, currency-code)"
            )));
        };
        let field = field.trim();
        if !["month", "product", "amount", "currency", "currency-code"].contains(&field) {
            return Err(CliError::invalid(format!(
                "--map: unknown field \"{field}\": must be one of month, product, amount, currency, currency-code"
            )));
        }
        fields.insert(field, column.trim());
    }
    let need = |f: &str| {
        fields
            .get(f)
            .map(|c| c.to_string())
            .ok_or_else(|| CliError::invalid(format!("--map: {f}=COLUMN is missing")))
    };
    let currency = match fields.get("currency-code") {
        Some(code) => Some(code.parse::<pricing::Currency>().map_err(|_| {
            CliError::invalid(format!(
                "--map: currency-code must be USD or CNY, got \"{code}\""
            ))
        })?),
        None => None,
    };
    let currency_column = fields.get("currency").map(|c| c.to_string());
    if currency.is_none() && currency_column.is_none() {
        return Err(CliError::invalid(
            "--map: give currency=COLUMN, or currency-code=USD|CNY for every row",
        ));
    }
    Ok(Some(bills::Mapping {
        month: need("month")?,
        product: need("product")?,
        amount: need("amount")?,
        currency_column,
        currency,
    }))
}

fn actuals_command(action: ActualsAction, cx: &Context) -> Result<Output, CliError> {
    let lang = cx.lang;
    let missing_db = || {
        CliError::Failed(match cx.db_path() {
            Some(p) => format!(
                "no database at {}: save a scenario in the app first",
                p.display()
            ),
            None => "no data directory: give --data-dir".into(),
        })
    };
    match action {
        ActualsAction::List { scenario, format } => {
            let store = cx.store(false)?.ok_or_else(missing_db)?;
            let id = scenario_named(&store, &scenario)?;
            let actuals = store
                .list_actuals(id)
                .map_err(|e| CliError::Failed(e.to_string()))?;
            let bytes = match format.unwrap_or(if cx.terminal {
                Format::Table
            } else {
                Format::Json
            }) {
                Format::Json => pretty(
                    &serde_json::to_value(
                        actuals
                            .iter()
                            .map(|a| {
                                serde_json::json!({
                                    "month": a.month.to_string(),
                                    "product": a.product.key(),
                                    "amount": a.amount.to_string(),
                                    "currency": a.currency.code(),
                                    "bill": a.bill,
                                    "imported_at": a.imported_at.map(|t| t.to_rfc3339()),
                                })
                            })
                            .collect::<Vec<_>>(),
                    )
                    .map_err(|e| CliError::Failed(e.to_string()))?,
                )?,
                Format::Table => table::actuals_table(&scenario, &actuals, lang).into_bytes(),
                Format::Csv => {
                    return Err(CliError::invalid(
                        "--format: actuals are listed as table or json",
                    ))
                }
            };
            Ok(Output {
                bytes,
                to: None,
                message: None,
            })
        }
        ActualsAction::Import {
            file,
            scenario,
            map,
            dry_run,
            skip_unreadable,
            format,
        } => {
            let mapping = parse_mapping(&map)?;
            let mut store = cx.store(false)?.ok_or_else(missing_db)?;
            let id = scenario_named(&store, &scenario)?;
            let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            let mut bar = Progress::new(size);
            let prepared =
                crate::bill_import::prepare(&store, id, &file, mapping, &mut |n| bar.show(n));
            bar.finish();
            let prepared = prepared.map_err(|e| {
                let text = e.message().render(lang);
                let text = match e.headers() {
                    Some(headers) => format!(
                        "{}: {text}\n  columns: {}\n  give them with --map month=COLUMN --map product=COLUMN --map amount=COLUMN --map currency=COLUMN (or currency-code=USD|CNY)",
                        file.display(),
                        headers.join(" | ")
                    ),
                    None => format!("{}: {text}", file.display()),
                };
                match e {
                    crate::bill_import::ImportError::Store(_) => CliError::Failed(text),
                    _ => CliError::invalid(text),
                }
            })?;
            let mut out = match format.unwrap_or(if cx.terminal {
                Format::Table
            } else {
                Format::Json
            }) {
                Format::Json => String::from_utf8(pretty(&serde_json::json!({
                    "summary": prepared.summary,
                    "plan": prepared.plan,
                }))?)
                .unwrap_or_default(),
                Format::Table => table::bill_preview(&prepared, lang),
                Format::Csv => {
                    return Err(CliError::invalid(
                        "--format: the preview is shown as table or json",
                    ))
                }
            };
            let unreadable = prepared.summary.unreadable;
            if dry_run {
                out.push_str(lang.text("report.table.bill_dry_run"));
                out.push('\n');
            } else if unreadable > 0 && !skip_unreadable {
                // Nothing partial: the whole bill, or nothing, unless the user says otherwise.
                let mut lines = vec![out];
                lines.push(lang.format(
                    "report.table.bill_unreadable_refused",
                    &[("count", &unreadable.to_string())],
                ));
                return Err(CliError::Invalid(lines));
            } else {
                let written = crate::bill_import::commit(&mut store, &prepared, cx.now)
                    .map_err(|e| CliError::Failed(e.message().render(lang)))?;
                out.push_str(&lang.format(
                    "report.table.bill_stored",
                    &[("count", &written.to_string()), ("scenario", &scenario)],
                ));
                out.push('\n');
            }
            Ok(Output {
                bytes: out.into_bytes(),
                to: None,
                message: None,
            })
        }
    }
}

/// A progress bar on standard error while a bill is read, when standard error is a terminal.
struct Progress {
    size: u64,
    shown: bool,
    terminal: bool,
}

impl Progress {
    fn new(size: u64) -> Progress {
        Progress {
            size,
            shown: false,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn show(&mut self, read: u64) {
        if !self.terminal || self.size < (4 << 20) {
            return;
        }
        let percent = (read.min(self.size) * 100 / self.size.max(1)) as usize;
        let filled = percent * 30 / 100;
        let _ = write!(
            std::io::stderr(),
            "\r[{}{}] {percent:>3}%  {} / {} MiB",
            "#".repeat(filled),
            " ".repeat(30 - filled),
            read >> 20,
            self.size >> 20
        );
        self.shown = true;
    }

    fn finish(&mut self) {
        if self.shown {
            let _ = writeln!(std::io::stderr());
        }
    }
}

fn csv_options(no_bom: bool, lang: Lang) -> report::CsvOptions {
    report::CsvOptions { bom: !no_bom, lang }
}

fn products_text(s: &Scenario) -> String {
    s.products()
        .iter()
        .map(|p| p.key())
        .collect::<Vec<_>>()
        .join(", ")
}

fn pretty(value: &serde_json::Value) -> Result<Vec<u8>, CliError> {
    let mut bytes =
        serde_json::to_vec_pretty(value).map_err(|e| CliError::Failed(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Runs the command line on explicit arguments, returning (exit status, stdout bytes,
/// stderr text) without touching the process's streams, except that files named by `--out`
/// are written and `prices import` stores its update. For tests: the environment chooses
/// neither the language nor the database (only `--data-dir` names one).
pub fn run_with(args: &[&str], today: chrono::NaiveDate) -> (i32, Vec<u8>, String) {
    let cli = match Cli::try_parse_from(std::iter::once("plancast").chain(args.iter().copied())) {
        Ok(cli) => cli,
        Err(e) => {
            return (
                if e.use_stderr() { EXIT_INVALID } else { 0 },
                e.to_string().into_bytes(),
                String::new(),
            )
        }
    };
    // Tests get English unless they ask: the environment does not change their output.
    let data_dir = cli.data_dir.clone();
    let result = language(cli.lang.as_deref(), false).and_then(|lang| {
        execute(
            cli.command,
            Context {
                terminal: false,
                today,
                now: today
                    .and_hms_opt(12, 0, 0)
                    .map(|t| t.and_utc())
                    .unwrap_or_default(),
                lang,
                data_dir,
            },
        )
    });
    match result {
        Ok(output) => {
            let stderr = output.message.clone().unwrap_or_default();
            match &output.to {
                Some(path) => match crate::files::write_atomically(path, &output.bytes) {
                    Ok(()) => (0, Vec::new(), stderr),
                    Err(e) => (
                        EXIT_FAILURE,
                        Vec::new(),
                        format!("cannot write {}: {e}", path.display()),
                    ),
                },
                None => (0, output.bytes, stderr),
            }
        }
        Err(CliError::Invalid(problems)) => (EXIT_INVALID, Vec::new(), problems.join("\n")),
        Err(CliError::Failed(m)) => (EXIT_FAILURE, Vec::new(), m),
    }
}
