//! The memo as one self-contained HTML file: inline CSS, no script, no external resource
//! (a Content-Security-Policy says so to the browser too), every text escaped. Readable on
//! a screen and laid out for A4 paper when printed.

use super::doc::{Block, Doc, Section, Table};

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #fff; }
body {
  font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", system-ui, -apple-system, Roboto, Arial, sans-serif;
  font-size: 16px; line-height: 1.5; color: #111; background: #fff;
  max-width: 52rem; margin: 0 auto; padding: 2.5rem 2rem 3rem;
}
header { border-bottom: 2px solid #111; padding-bottom: .9rem; margin-bottom: 1.2rem; }
.doc-kind { margin: 0 0 .8rem; font-size: .95em; }
.doc-kind strong { text-transform: uppercase; letter-spacing: .06em; }
.public { display: inline-block; border: 2px solid #111; padding: 0 .45em; margin-left: .4em;
  font-weight: 700; font-size: .85em; letter-spacing: .04em; text-transform: uppercase; }
h1 { font-size: 1.75em; line-height: 1.2; margin: 0 0 .3rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.4rem; margin: 0; }
dl.meta dt { font-weight: 700; }
dl.meta dd { margin: 0; }
section { margin: 0 0 1.1rem; }
h2 { font-size: 1.15em; line-height: 1.3; margin: 1.5rem 0 .4rem; }
h2 .num { display: inline-block; min-width: 3.2rem; padding-right: .4rem; font-variant-numeric: tabular-nums; }
section.item { padding-left: 3.2rem; }
section.item > h2 { margin-left: -3.2rem; }
h3 { font-size: 1em; margin: .9rem 0 .3rem; }
p { margin: .35rem 0; }
.prompt { font-style: italic; color: #333; }
.label { font-weight: 700; margin-bottom: .15rem; }
ul { margin: .25rem 0 .5rem; padding-left: 1.3rem; }
li { margin: .1rem 0; }
li > ul { margin: .1rem 0 .2rem; }
table { border-collapse: collapse; margin: .5rem 0 .6rem; width: 100%; font-size: .95em; }
th, td { border: 1px solid #777; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #e8e8e8; font-weight: 700; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
.fill { margin-top: 1.2rem; }
.fill .line { display: inline-block; width: 22rem; max-width: 60%; border-bottom: 1px solid #111; height: 1.1em; vertical-align: baseline; }
footer { margin-top: 2.2rem; border-top: 1px solid #777; padding-top: .6rem; font-size: .85em; color: #333; }
footer p { margin: .25rem 0; }
@page { size: A4; margin: 18mm 16mm 20mm 20mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h1 { font-size: 17pt; }
  h2 { font-size: 12pt; }
  h2, h3, .label { break-after: avoid; page-break-after: avoid; }
  table, tr, li, dl.meta { break-inside: avoid; page-break-inside: avoid; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  footer { font-size: 8.5pt; }
}
"#;

fn table(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for (i, cell) in table.head.iter().enumerate() {
        let class = if table.numeric.contains(&i) {
            " class=\"n\""
        } else {
            ""
        };
        out.push_str(&format!("<th{class}>{}</th>", escape(cell)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if table.numeric.contains(&i) {
                " class=\"n\""
            } else {
                ""
            };
            out.push_str(&format!("<td{class}>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn label(out: &mut String, label: &Option<String>) {
    if let Some(label) = label {
        out.push_str(&format!("<p class=\"label\">{}:</p>\n", escape(label)));
    }
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Para(text) => out.push_str(&format!("<p>{}</p>\n", escape(text))),
        Block::Prompt(text) => out.push_str(&format!("<p class=\"prompt\">{}</p>\n", escape(text))),
        Block::Sub(text) => out.push_str(&format!("<h3>{}</h3>\n", escape(text))),
        Block::List { label: l, items } => {
            label(out, l);
            out.push_str("<ul>\n");
            for item in items {
                out.push_str(&format!("<li>{}</li>\n", escape(item)));
            }
            out.push_str("</ul>\n");
        }
        Block::Groups { label: l, groups } => {
            label(out, l);
            out.push_str("<ul>\n");
            for (heading, items) in groups {
                out.push_str(&format!("<li><strong>{}</strong>\n<ul>\n", escape(heading)));
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                out.push_str("</ul></li>\n");
            }
            out.push_str("</ul>\n");
        }
        Block::Entry {
            label,
            text,
            details,
        } => {
            out.push_str(&format!(
                "<ul>\n<li><strong>{}</strong> {}",
                escape(label),
                escape(text)
            ));
            if !details.is_empty() {
                out.push_str("\n<ul>\n");
                for detail in details {
                    out.push_str(&format!("<li>{}</li>\n", escape(detail)));
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</li>\n</ul>\n");
        }
        Block::Table(t) => table(out, t),
        Block::Fill(label) => out.push_str(&format!(
            "<p class=\"fill\"><strong>{}:</strong> <span class=\"line\"></span></p>\n",
            escape(label)
        )),
    }
}

fn section(out: &mut String, section: &Section) {
    let class = if section.number.is_some() {
        " class=\"item\""
    } else {
        ""
    };
    out.push_str(&format!("<section{class}>\n"));
    match (&section.number, &section.title) {
        (Some(n), title) => out.push_str(&format!(
            "<h2><span class=\"num\">{}</span>{}</h2>\n",
            escape(n),
            escape(title.as_deref().unwrap_or(""))
        )),
        (None, Some(title)) => out.push_str(&format!("<h2>{}</h2>\n", escape(title))),
        (None, None) => {}
    }
    for b in &section.blocks {
        block(out, b);
    }
    out.push_str("</section>\n");
}

/// Writes the memo as an HTML document.
pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", doc.lang.code()));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"parvi\">\n");
    out.push_str(&format!(
        "<title>{} – {} – {}</title>\n",
        escape(&doc.title),
        escape(&doc.kind),
        escape(&doc.date)
    ));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str("<header>\n");
    let public = doc.public.as_ref().map_or(String::new(), |p| {
        format!(" <span class=\"public\">{}</span>", escape(p))
    });
    out.push_str(&format!("<h1>{}</h1>\n", escape(&doc.title)));
    out.push_str(&format!(
        "<p class=\"doc-kind\"><strong>{}</strong> · {}{public}</p>\n",
        escape(&doc.kind),
        escape(&doc.subtitle)
    ));
    out.push_str("<dl class=\"meta\">\n");
    for (key, value) in &doc.meta {
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            escape(key),
            escape(value)
        ));
    }
    out.push_str("</dl>\n</header>\n<main>\n");
    for s in doc.items.iter().chain(&doc.after) {
        section(&mut out, s);
    }
    out.push_str("</main>\n<footer>\n");
    for line in &doc.footer {
        out.push_str(&format!("<p>{}</p>\n", escape(line)));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_specials_are_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }
}
