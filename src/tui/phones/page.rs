//! The page a phone shows: plain HTML forms that work without JavaScript, a stylesheet for
//! thumbs and small screens, and a few lines of script that reload the page when the
//! meeting moves on. Everything is in the binary; nothing is fetched from anywhere else.

use crate::export::escape_html as escape;
use crate::i18n::Lang;
use crate::model::engine::MAX_TEXT_CHARS;
use crate::net::PhoneId;
use crate::net::http::Response;

use super::{Board, PhoneInput, PhoneOutcome, PhoneRequest};

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
nav{margin-top:2rem;font-size:1rem}nav a{margin-right:1rem;color:#17406d}";

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
        _ => None,
    }
}

/// After a form: back to the page (so a reload sends nothing twice), saying how it went.
pub fn after(outcome: &Option<PhoneOutcome>, input: &PhoneInput, lang: Lang) -> Response {
    let message = match outcome {
        Some(PhoneOutcome::Received) if matches!(input, PhoneInput::WithdrawIdea(_)) => "withdrawn",
        Some(PhoneOutcome::Received) => "received",
        Some(PhoneOutcome::Refused(_)) => "refused",
        Some(PhoneOutcome::NotSaved) => "notsaved",
        None => "unavailable",
    };
    Response::redirect(&format!("/?lang={}&m={message}", lang.code()))
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
        let (class, text) = match message.as_str() {
            "received" => ("ok", t.received),
            "withdrawn" => ("ok", t.withdrawn),
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
}
