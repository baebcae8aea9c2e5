//! Where a decision or an action came from and how far students took part in it: two quick
//! pickers, asked right after a decision is recorded and again with `o` on either list.
//! Never required: Esc leaves the rest unsaid, and what was picked before Esc is kept.

use crate::i18n::words::{level_text, source_text};
use crate::model::Command;
use crate::model::outcomes::{Level, Origin, Outcome, Source};
use crate::tui::app::{Ctx, Next};
use crate::tui::overlay::{Answer, Item, NumberedItem, Overlay};
use crate::tui::screens::meeting::MeetingView;

use super::{RecordsAsk, ask};

/// The first picker: whose input it came from (the current one preselected).
pub(super) fn ask_source(of: Outcome, current: Origin, cx: &Ctx) -> Next {
    let t = &cx.t().origin;
    let items = picker_items(
        t.unsaid,
        Source::ALL.iter().map(|s| source_text(cx.lang, *s)),
    );
    let selected = current
        .source
        .and_then(|s| Source::ALL.iter().position(|x| *x == s))
        .map_or(0, |i| i + 1);
    Next::Open(Overlay::numbered(
        t.source_title,
        items,
        selected,
        ask(RecordsAsk::OriginSource { of, current }),
    ))
}

/// A picker's answer: the source is kept at once, then the level is asked.
pub(super) fn answer(
    view: &mut MeetingView,
    question: RecordsAsk,
    answer: Answer,
    cx: &mut Ctx,
) -> Next {
    match (question, answer) {
        (RecordsAsk::OriginSource { of, current }, Answer::Picked(i)) => {
            let origin = Origin {
                source: i.checked_sub(1).and_then(|i| Source::ALL.get(i).copied()),
                ..current
            };
            if origin != current
                && !view.run(
                    Command::SetOrigin {
                        of: of.clone(),
                        origin,
                    },
                    cx,
                )
            {
                return Next::Stay;
            }
            ask_level(of, origin, cx)
        }
        (RecordsAsk::OriginLevel { of, current }, Answer::Picked(i)) => {
            let origin = Origin {
                level: i.checked_sub(1).and_then(|i| Level::ALL.get(i).copied()),
                ..current
            };
            if origin != current {
                view.run(Command::SetOrigin { of, origin }, cx);
            }
            Next::Stay
        }
        _ => Next::Stay,
    }
}

/// The second picker: how far students took part, up the ladder.
fn ask_level(of: Outcome, current: Origin, cx: &Ctx) -> Next {
    let t = &cx.t().origin;
    let items = picker_items(t.unsaid, Level::ALL.iter().map(|l| level_text(cx.lang, *l)));
    let selected = current
        .level
        .and_then(|l| Level::ALL.iter().position(|x| *x == l))
        .map_or(0, |i| i + 1);
    Next::Open(Overlay::numbered(
        t.level_title,
        items,
        selected,
        ask(RecordsAsk::OriginLevel { of, current }),
    ))
}

/// "Not recorded" first and unnumbered, then the choices numbered 1…5, so that a digit
/// picks a choice and Enter on the preselected first row leaves it unsaid.
fn picker_items<'a>(unsaid: &str, labels: impl Iterator<Item = &'a str>) -> Vec<NumberedItem> {
    let mut items = vec![(None, Item::new(unsaid, ""))];
    items.extend(
        labels
            .zip(1..)
            .map(|(label, n)| (Some(n), Item::new(label, ""))),
    );
    items
}
