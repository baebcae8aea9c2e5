//! `parvi` and `parvi run`: opening the full-screen app.

use std::io::IsTerminal;

use clap::Args;

use super::output::{self, CliError, CliResult};
use super::{CliContext, EXIT_FAILED};
use crate::i18n::fill;
use crate::store::Store;
use crate::tui::{self, PhonesAt, Start};

/// Arguments of `parvi run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The group's id or name.
    #[arg(long)]
    pub group: String,
    /// The format's name.
    #[arg(long)]
    pub format: String,
    /// The meeting's topic.
    #[arg(long, default_value = "")]
    pub topic: String,
    /// Phone input on from the start, on this computer's local network address or on ADDR
    /// (an IP address, with or without a port).
    #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "lan")]
    pub phones: Option<String>,
}

/// Where `--phones` asks phone input to listen; `None` when it is not an address.
fn phones_at(value: &str) -> Option<PhonesAt> {
    if value == "lan" {
        return Some(PhonesAt::Lan);
    }
    if let Ok(addr) = value.parse::<std::net::SocketAddr>() {
        return Some(PhonesAt::At(addr));
    }
    let ip = value.parse::<std::net::IpAddr>().ok()?;
    Some(PhonesAt::At(std::net::SocketAddr::new(
        ip,
        crate::net::address::PORT,
    )))
}

/// `parvi`: the app on its home screen; without a terminal, a text overview instead.
pub fn open(cx: &CliContext) -> u8 {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return super::sessions::overview(cx);
    }
    output::finish(cx.lang, launch(cx, Start::Home, None))
}

/// `parvi run --group G --format F`: straight into a meeting.
pub fn run(cx: &CliContext, args: &RunArgs) -> u8 {
    output::finish(cx.lang, start_meeting(cx, args))
}

fn start_meeting(cx: &CliContext, args: &RunArgs) -> CliResult {
    let t = cx.lang.text();
    let reader = Store::open_read_only(cx.paths.clone());
    let groups = reader.groups().groups;
    let group = super::groups::find_group(cx.lang, &groups, &args.group)?;
    let group = groups.iter().position(|g| g.id == group.id).unwrap_or(0);
    let (formats, _) = reader.formats();
    let Some(format) = super::formats::find(&formats, &args.format) else {
        return Err(CliError::new(
            EXIT_FAILED,
            fill(t.err_no_such_format, &[("name", args.format.trim())]),
        )
        .hint(t.hint_formats_list));
    };
    let format = formats
        .iter()
        .position(|f| f.format.name == format.format.name)
        .unwrap_or(0);
    let phones = match args.phones.as_deref() {
        None => None,
        Some(value) => Some(phones_at(value).ok_or_else(|| {
            CliError::new(
                super::EXIT_USAGE,
                fill(t.phones.bad_address, &[("value", value)]),
            )
        })?),
    };
    if !std::io::stdout().is_terminal() {
        return Err(CliError::new(EXIT_FAILED, t.err_not_a_terminal));
    }
    launch(
        cx,
        Start::Meeting {
            group,
            format,
            topic: args.topic.clone(),
        },
        phones,
    )
}

/// `parvi wall`: the room's window. It only reads, so it takes no lock and runs beside the
/// facilitator's parvi.
pub fn wall(cx: &CliContext) -> u8 {
    let t = cx.lang.text();
    let result = if std::io::stdout().is_terminal() {
        tui::wall::run(cx.paths.clone(), cx.lang)
            .map(|_| ())
            .map_err(|e| CliError::new(EXIT_FAILED, e.to_string()))
    } else {
        Err(CliError::new(EXIT_FAILED, t.err_not_a_terminal))
    };
    output::finish(cx.lang, result)
}

fn launch(cx: &CliContext, start: Start, phones: Option<PhonesAt>) -> CliResult {
    let t = cx.lang.text();
    let store = Store::open(cx.paths.clone()).map_err(|e| output::open_failed(cx, e))?;
    if let Some(busy) = &store.busy
        && matches!(start, Start::Meeting { .. })
    {
        let pid = busy.pid.map_or_else(|| "?".to_string(), |p| p.to_string());
        return Err(CliError::new(
            super::EXIT_LOCKED,
            fill(
                t.err_locked,
                &[("pid", &pid), ("dir", &cx.paths.root.display().to_string())],
            ),
        )
        .hint(t.err_locked_hint));
    }
    match tui::run(store, cx.lang, start, phones) {
        Ok(_) => Ok(()),
        Err(e) => Err(CliError::new(EXIT_FAILED, e.to_string())),
    }
}
