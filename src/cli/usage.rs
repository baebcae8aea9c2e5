//! Usage errors (an unknown flag, a missing argument, a value not allowed) in the user's
//! language: clap writes its own messages in English only. Kinds without a translation here
//! keep clap's wording.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, fill};

/// The error as parvi prints it in `lang`, or `None` to let clap print its own.
pub fn message(error: &clap::Error, lang: Lang) -> Option<String> {
    let t = lang.text();
    let get = |kind: ContextKind| error.get(kind).map(value_text);
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let text = match error.kind() {
        ErrorKind::UnknownArgument => fill(t.usage_unknown_argument, &[("arg", &arg?)]),
        ErrorKind::InvalidSubcommand => fill(
            t.usage_unknown_command,
            &[("command", &get(ContextKind::InvalidSubcommand)?)],
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let (arg, value) = (arg?, value?);
            // A value parser of parvi's own lists the allowed values as its error.
            let listed = std::error::Error::source(error).map(ToString::to_string);
            match get(ContextKind::ValidValue).or(listed) {
                Some(valid) if !valid.is_empty() => fill(
                    t.usage_invalid_value_from,
                    &[("arg", &arg), ("value", &value), ("valid", &valid)],
                ),
                _ if value.is_empty() => fill(t.usage_empty_value, &[("arg", &arg)]),
                _ => fill(t.usage_invalid_value, &[("arg", &arg), ("value", &value)]),
            }
        }
        ErrorKind::MissingRequiredArgument => fill(t.usage_missing, &[("args", &arg?)]),
        ErrorKind::ArgumentConflict => fill(
            t.usage_conflict,
            &[
                ("arg", &arg?),
                ("other", &get(ContextKind::PriorArg).unwrap_or_default()),
            ],
        ),
        ErrorKind::TooManyValues => {
            fill(t.usage_extra_value, &[("value", &value?), ("arg", &arg?)])
        }
        _ => return None,
    };
    let mut out = format!("{}: {text}", t.err_prefix);
    let suggestion = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .or_else(|| get(ContextKind::SuggestedValue));
    if let Some(suggestion) = suggestion {
        out.push('\n');
        out.push_str(&fill(t.usage_did_you_mean, &[("suggestion", &suggestion)]));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        // clap writes `[OPTIONS]` itself; the other placeholders are already translated.
        let options = super::help::value_name(t, "OPTIONS").unwrap_or("OPTIONS");
        let usage = usage.replace("[OPTIONS]", &format!("[{options}]"));
        out.push_str(&format!("\n\n{}: {usage}", t.help_usage));
    }
    out.push_str("\n\n");
    out.push_str(t.usage_more_help);
    Some(out)
}

/// A context value as plain text; lists joined with commas.
fn value_text(value: &ContextValue) -> String {
    match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}
