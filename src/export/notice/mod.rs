//! "You said, we did" (*Sanoitte, teimme*): a short plain-language notice to students of what
//! a meeting decided and agreed, and how the earlier actions it followed up stand. No names:
//! an action's owner is their role, and students' names in the texts become neutral words
//! as in a public version. At most [`MAX_CHARS`] characters, so it fits a Wilma or Teams
//! notice as it is; what does not fit is counted and left to the minutes. The same notice
//! is also one self-contained HTML page for the intranet ([`render_html`]).
//!
//! The notice of a term ([`term`]: `parvi notice --group GROUP --from DATE --to DATE`) says
//! the same of several meetings, with the same frame, page, cut and wording of a decision or
//! an owner, all kept here.

mod term;
pub use term::{Term, render_term, render_term_html, term_file};

use super::Options;
use super::people::Roster;
use crate::i18n::words::{due_text, format_date, percent_of, source_text, status_text};
use crate::i18n::{self, Lang, fill};
use crate::model::outcomes::{ActionItem, Decision, Owner, Source};
use crate::model::{EventKind, MeetingState, SessionRecord, Side};

/// The longest notice, in characters: a Wilma message or a Teams post shows this much
/// without "read more", and students read this much.
pub const MAX_CHARS: usize = 1500;

/// What a notice says, cut to its length: the plain text and the page say the same.
struct Notice {
    title: String,
    voice: String,
    /// Headings with their lines; the empty ones are left out.
    sections: Vec<Section>,
    /// What a notice with no line at all says.
    nothing: &'static str,
    /// How many lines were cut to keep the text within [`MAX_CHARS`].
    cut: usize,
    lang: Lang,
}

/// A heading, its lines, and a sentence after them (shown only with the lines).
struct Section {
    heading: &'static str,
    lines: Vec<String>,
    note: Option<&'static str>,
}

impl Section {
    fn new(heading: &'static str, lines: Vec<String>) -> Section {
        Section {
            heading,
            lines,
            note: None,
        }
    }
}

impl Notice {
    /// A notice of these sections, not cut yet.
    fn new(
        lang: Lang,
        title: String,
        voice: String,
        sections: Vec<Section>,
        nothing: &'static str,
    ) -> Notice {
        Notice {
            title,
            voice,
            sections,
            nothing,
            cut: 0,
            lang,
        }
    }

    /// The plain text, ending in a newline.
    fn text(&self) -> String {
        let t = &self.lang.text().notice;
        let mut out = vec![self.title.clone(), String::new(), self.voice.clone()];
        let mut any = false;
        for section in self.sections.iter().filter(|s| !s.lines.is_empty()) {
            any = true;
            out.push(String::new());
            out.push(section.heading.to_string());
            out.extend(section.lines.iter().map(|l| format!("- {l}")));
            out.extend(section.note.map(str::to_string));
        }
        if !any {
            out.push(String::new());
            out.push(self.nothing.to_string());
        }
        if self.cut > 0 {
            out.push(String::new());
            out.push(fill(t.more, &[("n", &self.cut.to_string())]));
        }
        out.push(String::new());
        out.push(t.closing.to_string());
        let mut text = out.join("\n");
        text.push('\n');
        text
    }

    /// One self-contained page: inline style, no script, nothing from elsewhere.
    fn html(&self) -> String {
        use super::html::escape;
        let t = &self.lang.text().notice;
        let mut out = String::from("<!DOCTYPE html>\n");
        out.push_str(&format!("<html lang=\"{}\">\n<head>\n", self.lang.code()));
        out.push_str("<meta charset=\"utf-8\">\n");
        out.push_str(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
        );
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(&format!("<title>{}</title>\n", escape(&self.title)));
        out.push_str(&format!(
            "<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        ));
        out.push_str(&format!("<h1>{}</h1>\n", escape(&self.title)));
        out.push_str(&format!("<p class=\"voice\">{}</p>\n", escape(&self.voice)));
        let mut any = false;
        for section in self.sections.iter().filter(|s| !s.lines.is_empty()) {
            any = true;
            out.push_str(&format!("<h2>{}</h2>\n<ul>\n", escape(section.heading)));
            for line in &section.lines {
                out.push_str(&format!("<li>{}</li>\n", escape(line)));
            }
            out.push_str("</ul>\n");
            if let Some(note) = section.note {
                out.push_str(&format!("<p>{}</p>\n", escape(note)));
            }
        }
        if !any {
            out.push_str(&format!("<p>{}</p>\n", escape(self.nothing)));
        }
        if self.cut > 0 {
            let more = fill(t.more, &[("n", &self.cut.to_string())]);
            out.push_str(&format!("<p>{}</p>\n", escape(&more)));
        }
        out.push_str(&format!("<p class=\"closing\">{}</p>\n", escape(t.closing)));
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }

    /// Cuts lines until the text is within [`MAX_CHARS`], counting them: the last line of
    /// the first section of `order` that has any, then of the next.
    fn fit(&mut self, order: &[usize]) {
        while self.text().chars().count() > MAX_CHARS {
            let Some(section) = order
                .iter()
                .filter_map(|&i| self.sections.get(i))
                .position(|s| !s.lines.is_empty())
                .map(|i| order[i])
            else {
                // Even the frame is too long (a very long group name): say it as it is.
                break;
            };
            self.sections[section].lines.pop();
            self.cut += 1;
        }
    }
}

/// An action's owner as their role, never a name: the role of the member `roster` knows,
/// else nothing.
fn owner_role(roster: &Roster, lang: Lang, action: &ActionItem) -> Option<String> {
    let role = match &action.owner {
        Owner::Role { role } => Some(*role),
        Owner::Member { .. } => roster.owner_person(&action.owner).map(|p| p.role),
    };
    role.map(|r| i18n::role(lang, r).to_string())
}

/// "You said": a decision, its names taken out, saying so when it came from students' input.
fn decision_line(decision: &Decision, lang: Lang, scrub: impl Fn(&str) -> String) -> String {
    match decision.origin.source {
        Some(source @ (Source::Students | Source::StudentUnion | Source::Survey)) => {
            let from = fill(
                lang.text().origin.from,
                &[("source", source_text(lang, source))],
            );
            format!("{} ({})", scrub(&decision.text), from.to_lowercase())
        }
        _ => scrub(&decision.text),
    }
}

/// An action's text with its details in brackets, the empty ones left out.
fn with_details(text: String, details: &[&str]) -> String {
    let details: Vec<&str> = details.iter().copied().filter(|s| !s.is_empty()).collect();
    if details.is_empty() {
        text
    } else {
        format!("{text} ({})", details.join(", "))
    }
}

/// How many of those present at a meeting were students.
fn students_present(state: &MeetingState) -> usize {
    state
        .attended
        .iter()
        .filter(|id| {
            state
                .person(id)
                .is_some_and(|p| p.role.side() == Side::Student)
        })
        .count()
}

/// Large, plain and readable on a phone or a corridor screen; printable.
const STYLE: &str = "body{font-family:system-ui,sans-serif;font-size:1.15rem;line-height:1.5;\
color:#111;background:#fff;margin:0}main{max-width:40rem;margin:0 auto;padding:1.5rem}\
h1{font-size:1.6rem;margin:0 0 1rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}\
.voice{font-size:1.2rem}.closing{margin-top:2rem;font-weight:600}li{margin:.3rem 0}";

/// The notice of one meeting, as plain text ending in a newline.
pub fn render(record: &SessionRecord, options: &Options) -> String {
    notice(record, options).text()
}

/// The notice of one meeting as one self-contained HTML page.
pub fn render_html(record: &SessionRecord, options: &Options) -> String {
    notice(record, options).html()
}

/// What the notice of one meeting says, cut to its length.
fn notice(record: &SessionRecord, options: &Options) -> Notice {
    let lang = options.lang;
    let t = &lang.text().notice;
    let state = MeetingState::replay(record);
    let roster = Roster::new(record, &state, lang, true);
    let date = record
        .started_at()
        .to_zoned_datetime(options.zone.clone())
        .date();
    let title = fill(
        t.title,
        &[
            ("group", &roster.scrub(&record.group.name)),
            ("date", &format_date(lang, date)),
        ],
    );

    // Who was there and how much the students spoke: the figure parvi exists for.
    let present = state.attended.len();
    let students = students_present(&state);
    let sides = state.airtime_by_side(state.last_ms);
    let total: u64 = sides.iter().sum();
    let counts = [
        ("present", present.to_string()),
        ("students", students.to_string()),
        ("share", percent_of(lang, sides[0], total)),
    ];
    let counts: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let voice = if total > 0 && students > 0 {
        fill(t.voice, &counts)
    } else {
        fill(t.voice_count, &counts)
    };

    let decided: Vec<String> = state
        .decisions
        .iter()
        .map(|d| decision_line(d, lang, |s| roster.scrub(s)))
        .collect();
    let agreed: Vec<String> = state
        .actions
        .iter()
        .map(|a| {
            let who = owner_role(&roster, lang, a).unwrap_or_default();
            let due = due_text(lang, a.due);
            let due = if due == lang.text().records.due_none {
                ""
            } else {
                due.as_str()
            };
            with_details(roster.scrub(&a.text), &[who.as_str(), due])
        })
        .collect();
    let followed: Vec<String> = state
        .carried
        .iter()
        .filter(|a| reviewed(record, &a.id))
        .map(|a| format!("{}: {}", roster.scrub(&a.text), status_text(lang, a.status)))
        .collect();

    let sections = vec![
        Section::new(t.decided, decided),
        Section::new(t.agreed, agreed),
        Section::new(t.followed, followed),
    ];
    let mut notice = Notice::new(lang, title, voice, sections, t.nothing);
    // Too long: the last lines go first (the follow-up, then the actions), each counted.
    notice.fit(&[2, 1, 0]);
    notice
}

/// Whether this meeting followed up the earlier action `id`.
fn reviewed(record: &SessionRecord, id: &str) -> bool {
    record
        .events
        .iter()
        .any(|e| matches!(&e.event, EventKind::ActionReviewed { id: i, .. } if i == id))
}
