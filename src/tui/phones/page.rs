//! The page a phone shows: plain HTML forms that work without JavaScript, a stylesheet for
//! thumbs and small screens, and a few lines of script that reload the page when the
//! meeting moves on. Everything is in the binary; nothing is fetched from anywhere else.

use crate::export::escape_html as escape;
use crate::i18n::{Lang, fill};
use crate::model::engine::MAX_TEXT_CHARS;
use crate::net::PhoneId;
use crate::net::http::Response;

use super::{Board, PhoneInput, PhoneOutcome, PhoneRequest, PhoneVote, Why};
use crate::model::role::Side;
use crate::model::vote::{Ballot, PULSE_LEVELS, VoteKind, YesNo};

/// Reloads the page when the board's revision changes, unless the phone is typing.
pub const SCRIPT: &str = r#""use strict";
(function () {
  var rev = document.body.getAttribute("data-rev");
  function typing() {
    var a = document.activeElement;
    return a && a.tagName === "TEXTAREA" && a.value.length > 0;
  }
  function look() {
    fetch("/state", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s && String(s.rev) !== rev && !typing()) {
          location.replace(location.pathname + location.search.replace(/[?&]m=[a-z]+/, ""));
        }
      })
      .catch(function () {})
      .then(function () { setTimeout(look, 2000); });
  }
  setTimeout(look, 2000);
})();
"#;

/// Large type and touch targets, the system's fonts, high contrast.
pub const STYLE: &str = "body{font-family:system-ui,sans-serif;font-size:1.15rem;\
line-height:1.45;margin:0 auto;max-width:40rem;padding:1rem;background:#fff;color:#111}\
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.2rem 0 .4rem}\
.prompt{font-size:1.3rem;font-weight:600}.note{color:#333}\
.ok{background:#e6f4ea;border-left:.4rem solid #1e7b34;padding:.6rem}\
.bad{background:#fdecea;border-left:.4rem solid #b3261e;padding:.6rem}\
textarea,input[type=text],input[type=tel]{width:100%;box-sizing:border-box;\
font-size:1.15rem;padding:.6rem;border:2px solid #444;border-radius:.4rem}\
button{font-size:1.15rem;min-height:3rem;min-width:6rem;padding:.5rem 1rem;\
margin:.4rem .4rem .4rem 0;border-radius:.4rem;border:2px solid #123;background:#17406d;\
color:#fff}button.quiet{background:#fff;color:#17406d}\
.idea{border:1px solid #999;border-radius:.4rem;padding:.6rem;margin:.6rem 0}\
nav{margin-top:2rem;font-size:1rem}nav a{margin-right:1rem;color:#17406d}\
.option,.choice{display:flex;align-items:center;gap:.8rem;min-height:3rem;\
border-bottom:1px solid #ddd}.option input{width:4.5rem;font-size:1.3rem;padding:.4rem;\
border:2px solid #444;border-radius:.4rem}.choice input{width:1.6rem;height:1.6rem;\
margin:0}fieldset{border:1px solid #999;border-radius:.4rem;margin:1rem 0;padding:.4rem .8rem}\
legend{font-weight:600}";

/// The page's language: the one asked for in the address or form, else the phone's own
/// (its `Accept-Language`), else Finnish.
pub fn language(request: Option<&PhoneRequest>, accept_language: Option<&str>) -> Lang {
    let asked = request.and_then(|r| {
        form_value(&r.query, "lang")
            .or_else(|| field(&r.fields, "lang").map(str::to_string))
            .and_then(|code| Lang::parse(&code))
    });
    asked
        .or_else(|| {
            accept_language?
                .split(',')
                .filter_map(|part| part.split(';').next())
                .find_map(|tag| Lang::parse(tag.trim().get(..2)?))
        })
        .unwrap_or(Lang::Fi)
}

fn form_value(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.into_owned())
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The forms the page has.
pub const FORMS: [&str; 4] = ["/idea", "/idea/edit", "/idea/withdraw", "/ballot"];

/// What a form sent, if it is one the page has.
pub fn input(path: &str, fields: &[(String, String)]) -> Option<PhoneInput> {
    let text = || field(fields, "text").map(str::to_string);
    let idea = || field(fields, "idea").and_then(|n| n.parse().ok());
    match path {
        "/idea" => text().map(PhoneInput::AddIdea),
        "/idea/edit" => Some(PhoneInput::EditIdea {
            idea: idea()?,
            text: text()?,
        }),
        "/idea/withdraw" => idea().map(PhoneInput::WithdrawIdea),
        "/ballot" => ballot(fields),
        _ => None,
    }
}

/// A ballot form: the vote's number, the voter's side, and the marks of its kind (the
/// engine checks them against the vote).
fn ballot(fields: &[(String, String)]) -> Option<PhoneInput> {
    let vote = field(fields, "vote")?.parse().ok()?;
    let side = match field(fields, "side")? {
        "student" => Some(Side::Student),
        "staff" => Some(Side::Staff),
        "external" => Some(Side::External),
        "unsaid" => None,
        _ => return None,
    };
    let count: usize = field(fields, "n")?.parse().ok()?;
    if count > 100 {
        return None;
    }
    // Each option's number, 0 when left empty.
    let marks: Vec<u32> = (0..count)
        .map(|i| {
            field(fields, &format!("o{i}"))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map_or(Some(0), |v| v.parse().ok())
        })
        .collect::<Option<_>>()?;
    let ballot = if field(fields, "abstain").is_some() {
        Ballot::Abstain
    } else {
        match field(fields, "kind")? {
            "dots" => Ballot::Dots(marks),
            "score" => Ballot::Score(marks.iter().map(|m| (*m).min(255) as u8).collect()),
            "ranking" => {
                // Ranked by the numbers given; options without one are left out.
                let mut ranked: Vec<(u32, usize)> = marks
                    .iter()
                    .enumerate()
                    .filter(|(_, rank)| **rank > 0)
                    .map(|(option, rank)| (*rank, option))
                    .collect();
                ranked.sort();
                Ballot::Ranking(ranked.into_iter().map(|(_, option)| option).collect())
            }
            "fist" => Ballot::Fist(field(fields, "value")?.parse().ok()?),
            "pulse" => Ballot::Pulse(field(fields, "value")?.parse().ok()?),
            "yesno" => Ballot::YesNo(match field(fields, "value")? {
                "yes" => YesNo::Yes,
                "no" => YesNo::No,
                _ => YesNo::Abstain,
            }),
            _ => return None,
        }
    };
    Some(PhoneInput::Ballot { vote, side, ballot })
}

/// After a form: back to the page (so a reload sends nothing twice), saying how it went.
pub fn after(outcome: &Option<PhoneOutcome>, input: &PhoneInput, lang: Lang) -> Response {
    let message = match outcome {
        Some(PhoneOutcome::Received) if matches!(input, PhoneInput::WithdrawIdea(_)) => "withdrawn",
        Some(PhoneOutcome::Received) if matches!(input, PhoneInput::Ballot { .. }) => "voted",
        Some(PhoneOutcome::Received) => "received",
        Some(PhoneOutcome::Refused(why)) => match why {
            Why::NotOpen => "refused",
            Why::OverBudget => "overbudget",
            Why::OverCap => "overcap",
            Why::BadBallot => "badballot",
            Why::EveryoneVoted => "full",
        },
        Some(PhoneOutcome::NotSaved) => "notsaved",
        None => "unavailable",
    };
    Response::redirect(&format!("/?lang={}&m={message}", lang.code()))
}

/// After a form sent without what it needs (a vote without a mark): back to the page,
/// saying it did not work.
pub fn incomplete(lang: Lang) -> Response {
    Response::redirect(&format!("/?lang={}&m=refused", lang.code()))
}

fn document(lang: Lang, rev: u64, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/s.css\">\
         <script src=\"/a.js\" defer></script></head><body data-rev=\"{rev}\">{body}\
         </body></html>",
        code = lang.code(),
        title = escape(title),
    );
    Response::new(200, "text/html; charset=utf-8", html)
}

/// Links to the page in the other languages.
fn switch(lang: Lang) -> String {
    let links: String = Lang::ALL
        .iter()
        .filter(|l| **l != lang)
        .map(|l| {
            format!(
                "<a href=\"/?lang={}\" hreflang=\"{}\">{}</a>",
                l.code(),
                l.code(),
                l.text().phones.language
            )
        })
        .collect();
    format!("<nav>{links}</nav>")
}

/// The page of a phone that has not joined: the room code.
pub fn join(lang: Lang, wrong_code: bool) -> Response {
    let t = &lang.text().phones;
    let wrong = if wrong_code {
        format!(
            "<p class=\"bad\" role=\"alert\">{}</p>",
            escape(t.wrong_code)
        )
    } else {
        String::new()
    };
    let body = format!(
        "<h1>{title}</h1><p>{hint}</p>{wrong}<form method=\"post\" action=\"/code\">\
         <label for=\"code\">{label}</label><input type=\"tel\" id=\"code\" name=\"code\" \
         inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"12\" required>\
         <input type=\"hidden\" name=\"lang\" value=\"{code}\">\
         <button>{button}</button></form>{switch}",
        title = escape(t.join_title),
        hint = escape(t.join_hint),
        label = escape(t.code_label),
        button = escape(t.join_button),
        code = lang.code(),
        switch = switch(lang),
    );
    document(lang, 0, t.join_title, &body)
}

/// A joined phone's page: the prompt, what it can send now, and its own ideas.
pub fn page(board: &Board, phone: PhoneId, lang: Lang, query: &str) -> Response {
    let t = &lang.text().phones;
    let mut body = String::new();
    if !board.topic.is_empty() {
        body.push_str(&format!("<p class=\"note\">{}</p>", escape(&board.topic)));
    }
    if let Some(message) = form_value(query, "m") {
        // The vote's own numbers, for a ballot refused over them.
        let (budget, cap) = board.vote.as_ref().map_or((0, 0), |v| (v.budget, v.cap));
        let limits = [("budget", budget.to_string()), ("cap", cap.to_string())];
        let limits: Vec<(&str, &str)> = limits.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let over_budget = fill(t.over_budget, &limits);
        let over_cap = fill(t.over_cap, &limits);
        let (class, text) = match message.as_str() {
            "overbudget" => ("bad", over_budget.as_str()),
            "overcap" => ("bad", over_cap.as_str()),
            "badballot" => ("bad", t.bad_ballot),
            "full" => ("bad", t.everyone_voted),
            "received" => ("ok", t.received),
            "withdrawn" => ("ok", t.withdrawn),
            "voted"
                if board
                    .vote
                    .as_ref()
                    .is_some_and(|v| v.kind == VoteKind::Pulse) =>
            {
                ("ok", t.answered)
            }
            "voted" => ("ok", t.voted),
            "refused" => ("bad", t.refused),
            "notsaved" => ("bad", t.not_saved),
            _ => ("bad", t.unavailable),
        };
        body.push_str(&format!(
            "<p class=\"{class}\" role=\"status\">{}</p>",
            escape(text)
        ));
    }
    let title = board.title.get(lang);
    if !title.is_empty() {
        body.push_str(&format!("<h1>{}</h1>", escape(title)));
    }
    let prompt = board.prompt.get(lang);
    if !prompt.is_empty() {
        body.push_str(&format!("<p class=\"prompt\">{}</p>", escape(prompt)));
    }
    let code = lang.code();
    match board.writing {
        None if board.vote.is_some() => {}
        Some(private) => {
            let hint = if private {
                t.idea_hint_private
            } else {
                t.idea_hint_open
            };
            body.push_str(&format!(
                "<form method=\"post\" action=\"/idea\"><label for=\"text\"><b>{label}</b>\
                 </label><textarea id=\"text\" name=\"text\" rows=\"3\" maxlength=\"{max}\" \
                 required></textarea><p class=\"note\">{hint}</p>\
                 <input type=\"hidden\" name=\"lang\" value=\"{code}\">\
                 <button>{send}</button></form>",
                label = escape(t.idea_label),
                max = MAX_TEXT_CHARS,
                hint = escape(hint),
                send = escape(t.send),
            ));
        }
        None => body.push_str(&format!("<p>{}</p>", escape(t.nothing_open))),
    }
    if let Some(vote) = &board.vote {
        body.push_str(&vote_form(vote, board.ballots.get(&phone), lang));
    }
    let mine = board.mine.get(&phone).map_or(&[][..], Vec::as_slice);
    if !mine.is_empty() {
        body.push_str(&format!("<h2>{}</h2>", escape(t.yours)));
        for (idea, text) in mine {
            body.push_str(&format!(
                "<div class=\"idea\"><form method=\"post\" action=\"/idea/edit\">\
                 <textarea name=\"text\" rows=\"2\" maxlength=\"{max}\" required \
                 aria-label=\"{label}\">{text}</textarea>\
                 <input type=\"hidden\" name=\"idea\" value=\"{idea}\">\
                 <input type=\"hidden\" name=\"lang\" value=\"{code}\">\
                 <button class=\"quiet\">{save}</button></form>\
                 <form method=\"post\" action=\"/idea/withdraw\">\
                 <input type=\"hidden\" name=\"idea\" value=\"{idea}\">\
                 <input type=\"hidden\" name=\"lang\" value=\"{code}\">\
                 <button class=\"quiet\">{withdraw}</button></form></div>",
                max = MAX_TEXT_CHARS,
                label = escape(t.idea_label),
                text = escape(text),
                save = escape(t.save),
                withdraw = escape(t.withdraw),
            ));
        }
    }
    body.push_str(&format!("<p class=\"note\">{}</p>", escape(t.updates)));
    body.push_str(&switch(lang));
    document(lang, board.rev, "parvi", &body)
}

/// The open vote's form, with the phone's ballot filled in when it has cast one.
fn vote_form(vote: &PhoneVote, cast: Option<&(Option<Side>, Ballot)>, lang: Lang) -> String {
    let t = &lang.text().phones;
    let (side, ballot) = match cast {
        Some((side, ballot)) => (Some(*side), Some(ballot)),
        None => (None, None),
    };
    let pulse = vote.kind == VoteKind::Pulse;
    let mut form = format!(
        "<form method=\"post\" action=\"/ballot\" aria-label=\"{}\">\
         <input type=\"hidden\" name=\"vote\" value=\"{}\">\
         <input type=\"hidden\" name=\"n\" value=\"{}\">\
         <input type=\"hidden\" name=\"lang\" value=\"{}\">",
        escape(t.vote_title),
        vote.id,
        vote.options.len(),
        lang.code()
    );
    form.push_str(&marks_fields(vote, ballot, lang));
    form.push_str(&format!(
        "<fieldset><legend>{}</legend>",
        escape(t.side_label)
    ));
    let sides = [
        ("student", Some(Side::Student)),
        ("staff", Some(Side::Staff)),
        ("external", Some(Side::External)),
        ("unsaid", None),
    ];
    for ((value, that), label) in sides.iter().zip(t.sides) {
        form.push_str(&radio("side", value, label, side == Some(*that), true));
    }
    form.push_str("</fieldset>");
    let button = match (pulse, cast.is_some()) {
        (true, false) => t.answer,
        (true, true) => t.change_answer,
        (false, false) => t.cast,
        (false, true) => t.change,
    };
    form.push_str(&format!("<button>{}</button>", escape(button)));
    // Declining the pulse is not answering it; a vote has an abstention of its own.
    if !pulse {
        form.push_str(&format!(
            "<button class=\"quiet\" name=\"abstain\" value=\"1\">{}</button>",
            escape(t.abstain)
        ));
    }
    form.push_str("</form>");
    if cast.is_some() {
        let hint = if pulse { t.answered_hint } else { t.voted_hint };
        form.push_str(&format!("<p class=\"note\">{}</p>", escape(hint)));
    }
    form
}

/// One choice of a group of radio buttons; `required` makes the browser ask for a choice
/// (the side, the pulse's answer) before it sends. A vote's marks are not required: its
/// abstain button sends the same form without them.
fn radio(name: &str, value: &str, label: &str, checked: bool, required: bool) -> String {
    format!(
        "<label class=\"choice\"><input type=\"radio\" name=\"{name}\" value=\"{value}\"{}{}> \
         {}</label>",
        if checked { " checked" } else { "" },
        if required { " required" } else { "" },
        escape(label)
    )
}

/// The fields of the vote's kind: a choice of one (fist of five, yes/no), or a number per
/// option (dots, scores, ranks).
fn marks_fields(vote: &PhoneVote, ballot: Option<&Ballot>, lang: Lang) -> String {
    let t = &lang.text().phones;
    let v = &lang.text().vote;
    let mut out = String::new();
    // What a vote on one proposal is on; the pulse asks its question in the phone's language.
    let subject = match vote.kind {
        VoteKind::Pulse => Some(v.pulse_question),
        kind if !kind.has_options() => vote.options.first().map(String::as_str),
        _ => None,
    };
    if let Some(subject) = subject {
        out.push_str(&format!(
            "<p class=\"prompt\"><b>{}</b></p>",
            escape(subject)
        ));
    }
    match vote.kind {
        VoteKind::Pulse => {
            out.push_str("<input type=\"hidden\" name=\"kind\" value=\"pulse\">");
            for level in (1..=PULSE_LEVELS as u8).rev() {
                let label = format!("{level} – {}", v.pulse_levels[usize::from(level - 1)]);
                let checked = ballot == Some(&Ballot::Pulse(level));
                out.push_str(&radio("value", &level.to_string(), &label, checked, true));
            }
        }
        VoteKind::FistOfFive => {
            out.push_str("<input type=\"hidden\" name=\"kind\" value=\"fist\">");
            for level in (0..=5u8).rev() {
                let label = format!("{level} – {}", v.fist_levels[usize::from(level)]);
                let checked = ballot == Some(&Ballot::Fist(level));
                out.push_str(&radio("value", &level.to_string(), &label, checked, false));
            }
        }
        VoteKind::YesNo => {
            out.push_str("<input type=\"hidden\" name=\"kind\" value=\"yesno\">");
            let answers = [
                (YesNo::Yes, "yes"),
                (YesNo::No, "no"),
                (YesNo::Abstain, "abstain"),
            ];
            for (i, (answer, value)) in answers.into_iter().enumerate() {
                let checked = ballot == Some(&Ballot::YesNo(answer));
                out.push_str(&radio("value", value, v.yes_no[i], checked, false));
            }
        }
        kind => {
            let (name, hint, max) = match kind {
                VoteKind::Dots => {
                    let cap = if vote.cap == 0 { vote.budget } else { vote.cap };
                    let values = [
                        ("budget", vote.budget.to_string()),
                        ("cap", cap.to_string()),
                    ];
                    let values: Vec<(&str, &str)> =
                        values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    ("dots", fill(t.dots_hint, &values), cap)
                }
                VoteKind::Score => ("score", t.score_hint.to_string(), 5),
                _ => (
                    "ranking",
                    t.ranking_hint.to_string(),
                    vote.options.len() as u32,
                ),
            };
            out.push_str(&format!(
                "<input type=\"hidden\" name=\"kind\" value=\"{name}\"><p class=\"note\">{}</p>",
                escape(&hint)
            ));
            let marks = marks_of(ballot, vote.options.len());
            for (i, label) in vote.options.iter().enumerate() {
                let value = marks
                    .get(i)
                    .filter(|m| **m > 0)
                    .map_or(String::new(), u32::to_string);
                out.push_str(&format!(
                    "<label class=\"option\"><input type=\"number\" name=\"o{i}\" min=\"0\" \
                     max=\"{max}\" inputmode=\"numeric\" value=\"{value}\"> {}</label>",
                    escape(label)
                ));
            }
        }
    }
    out
}

/// Each option's number in a dots, score or ranking ballot (its rank for a ranking).
fn marks_of(ballot: Option<&Ballot>, options: usize) -> Vec<u32> {
    match ballot {
        Some(Ballot::Dots(dots)) => dots.clone(),
        Some(Ballot::Score(scores)) => scores.iter().map(|s| u32::from(*s)).collect(),
        Some(Ballot::Ranking(order)) => {
            let mut ranks = vec![0; options];
            for (rank, option) in order.iter().enumerate() {
                if let Some(slot) = ranks.get_mut(*option) {
                    *slot = rank as u32 + 1;
                }
            }
            ranks
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_address_the_form_or_the_phone() {
        let request = |query: &str, fields: Vec<(String, String)>| PhoneRequest {
            phone: PhoneId(1),
            method: "GET".into(),
            path: "/".into(),
            query: query.into(),
            fields,
            accept_language: None,
        };
        assert_eq!(language(Some(&request("lang=sv", vec![])), None), Lang::Sv);
        let form = vec![("lang".to_string(), "en".to_string())];
        assert_eq!(language(Some(&request("", form)), Some("sv")), Lang::En);
        assert_eq!(language(None, Some("sv-FI,sv;q=0.9,en;q=0.8")), Lang::Sv);
        assert_eq!(language(None, Some("de-DE,en-GB;q=0.8")), Lang::En);
        assert_eq!(language(None, Some("de")), Lang::Fi);
        assert_eq!(language(None, None), Lang::Fi);
    }

    #[test]
    fn text_is_escaped_and_only_this_phones_ideas_are_on_its_page() {
        let mut board = Board {
            writing: Some(true),
            ..Board::default()
        };
        board
            .mine
            .insert(PhoneId(1), vec![(3, "<script>alert(1)</script>".into())]);
        board
            .mine
            .insert(PhoneId(2), vec![(4, "Toisen idea".into())]);
        let html = String::from_utf8(page(&board, PhoneId(1), Lang::Fi, "").body).unwrap();
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("Toisen idea"), "{html}");
        assert!(html.contains("action=\"/idea\""), "{html}");
        assert!(!html.contains("http"), "nothing from elsewhere: {html}");
    }

    #[test]
    fn forms_become_inputs() {
        let fields = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            input("/idea", &fields(&[("text", "Hei")])),
            Some(PhoneInput::AddIdea("Hei".into()))
        );
        assert_eq!(
            input("/idea/edit", &fields(&[("idea", "2"), ("text", "Uusi")])),
            Some(PhoneInput::EditIdea {
                idea: 2,
                text: "Uusi".into()
            })
        );
        assert_eq!(input("/idea/withdraw", &fields(&[("idea", "x")])), None);
        assert_eq!(input("/vote", &fields(&[])), None);
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn every_kind_of_ballot_is_read_from_its_form() {
        let read = |kind: &str, extra: &[(&str, &str)]| {
            let mut fields = form(&[("vote", "2"), ("side", "staff"), ("n", "3"), ("kind", kind)]);
            fields.extend(form(extra));
            match input("/ballot", &fields) {
                Some(PhoneInput::Ballot { vote, side, ballot }) => {
                    assert_eq!((vote, side), (2, Some(Side::Staff)));
                    Some(ballot)
                }
                _ => None,
            }
        };
        let marks = [("o0", "2"), ("o1", ""), ("o2", "1")];
        assert_eq!(read("dots", &marks), Some(Ballot::Dots(vec![2, 0, 1])));
        assert_eq!(read("score", &marks), Some(Ballot::Score(vec![2, 0, 1])));
        // Ranks 2, none, 1: the third option first, the second left out.
        assert_eq!(read("ranking", &marks), Some(Ballot::Ranking(vec![2, 0])));
        assert_eq!(read("fist", &[("value", "4")]), Some(Ballot::Fist(4)));
        assert_eq!(
            read("yesno", &[("value", "no")]),
            Some(Ballot::YesNo(YesNo::No))
        );
        assert_eq!(read("fist", &[("abstain", "1")]), Some(Ballot::Abstain));
        // Incomplete or foreign: no ballot.
        assert_eq!(read("fist", &[]), None);
        assert_eq!(read("dots", &[("o0", "x")]), None);
        assert_eq!(read("lottery", &[]), None);
        let no_side = form(&[("vote", "2"), ("n", "1"), ("kind", "fist"), ("value", "3")]);
        assert_eq!(input("/ballot", &no_side), None);
        // The pulse, its side left unsaid.
        let pulse = form(&[
            ("vote", "3"),
            ("n", "1"),
            ("kind", "pulse"),
            ("value", "4"),
            ("side", "unsaid"),
        ]);
        assert_eq!(
            input("/ballot", &pulse),
            Some(PhoneInput::Ballot {
                vote: 3,
                side: None,
                ballot: Ballot::Pulse(4)
            })
        );
    }

    #[test]
    fn the_pulse_asks_its_question_in_the_phones_language_and_offers_no_abstention() {
        let pulse = PhoneVote {
            id: 3,
            kind: VoteKind::Pulse,
            options: vec!["Kuinka hyvin tulit tänään kuulluksi?".into()],
            budget: 0,
            cap: 0,
        };
        let sv = vote_form(&pulse, None, Lang::Sv);
        assert!(sv.contains("Hur väl blev du hörd i dag?"), "{sv}");
        assert!(!sv.contains("Kuinka hyvin"), "{sv}");
        assert!(sv.contains(">Svara<"), "{sv}");
        assert!(!sv.contains("name=\"abstain\""), "{sv}");
        // Each answer and the side are required; the side may be left unsaid.
        assert_eq!(sv.matches("name=\"value\"").count(), 5, "{sv}");
        assert!(sv.contains("name=\"value\" value=\"1\" required"), "{sv}");
        assert!(
            sv.contains("value=\"unsaid\" required> vill inte säga"),
            "{sv}"
        );
        let answered = vote_form(&pulse, Some(&(None, Ballot::Pulse(2))), Lang::Fi);
        assert!(answered.contains("value=\"2\" checked"), "{answered}");
        assert!(answered.contains("value=\"unsaid\" checked"), "{answered}");
        assert!(answered.contains("Muuta vastaustasi"), "{answered}");
        assert!(
            answered.contains("Vastauksista tallennetaan vain määrät"),
            "{answered}"
        );
    }

    #[test]
    fn the_vote_form_fits_its_kind_and_shows_the_phones_own_ballot() {
        let vote = |kind| PhoneVote {
            id: 1,
            kind,
            options: vec!["A".into(), "<b>B</b>".into()],
            budget: 3,
            cap: 2,
        };
        let fist = vote_form(
            &vote(VoteKind::FistOfFive),
            Some(&(Some(Side::Student), Ballot::Fist(3))),
            Lang::Fi,
        );
        assert!(fist.contains("value=\"3\" checked"), "{fist}");
        assert!(fist.contains("value=\"student\" checked"), "{fist}");
        assert!(fist.contains("Muuta ääntäsi"), "{fist}");
        let ranking = vote_form(&vote(VoteKind::Ranking), None, Lang::Sv);
        assert!(ranking.contains("Numrera"), "{ranking}");
        assert!(ranking.contains("&lt;b&gt;B&lt;/b&gt;"), "{ranking}");
        assert!(ranking.contains(">Rösta<"), "{ranking}");
        let dots = vote_form(
            &vote(VoteKind::Dots),
            Some(&(Some(Side::Staff), Ballot::Dots(vec![0, 2]))),
            Lang::En,
        );
        assert!(dots.contains("Share out 3 points, at most 2"), "{dots}");
        assert!(
            dots.contains("name=\"o1\" min=\"0\" max=\"2\" inputmode=\"numeric\" value=\"2\""),
            "{dots}"
        );
    }
}
