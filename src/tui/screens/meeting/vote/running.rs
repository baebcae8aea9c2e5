//! While a vote is open: the facilitator hands the keyboard to the next voter, or enters
//! counted hands slot by slot (asking again when they are more than the people present
//! could raise), and closes the vote; drawn as the count of ballots cast so far.

use crate::i18n::vote::VoteText;
use crate::i18n::{self, fill};
use crate::model::Command;
use crate::model::vote::{Entry, Vote, VoteKind, option_numbers};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::overlay::{Answer, Item, Overlay, Prompt, Purpose};
use crate::tui::screens::meeting::{MeetingView, PhaseAsk};
use crate::tui::widgets::fit;

use super::parts::{option_rows, options_title, proposal_rows, rules_line};
use super::{Pen, VoteAsk, hands_count, takes_ballots, ui, ui_mut, unseen_ballots, waiting};

/// A facilitator's key while the vote is open (the arrows are handled for every stage).
pub(super) fn act(view: &MeetingView, action: Action, vote: &Vote, cx: &mut Ctx) -> Next {
    let t = &cx.t().vote;
    match action {
        Action::Confirm if takes_ballots(vote) => voter_picker(view, cx),
        Action::CountHands if hands_count(vote.kind) => hands_prompt(view, cx, 0, Vec::new()),
        Action::CloseVote => {
            // Counted hands are said as hands (for a dot vote, each hand is a dot), ballots
            // as votes: the number the facilitator entered is the number asked about.
            let question = match &vote.hands {
                Some(counts) => fill(
                    t.close_confirm_hands,
                    &[("count", &counts.iter().sum::<u32>().to_string())],
                ),
                None => fill(
                    t.close_confirm,
                    &[("count", &vote.ballots.len().to_string())],
                ),
            };
            Next::Open(Overlay::confirm(
                question,
                Purpose::Phase(PhaseAsk::Vote(VoteAsk::Close)),
            ))
        }
        Action::OpenVote => {
            cx.error(i18n::refusal(
                cx.lang,
                &crate::model::Refusal::VoteAlreadyOpen,
            ));
            Next::Stay
        }
        _ => Next::Stay,
    }
}

/// The picker of who votes next: the people present who have not voted on this screen.
fn voter_picker(view: &MeetingView, cx: &mut Ctx) -> Next {
    let t = &cx.t().vote;
    let people = waiting(view);
    if people.is_empty() {
        let key = cx.key_for(KeyContext::MeetingVote, Action::CloseVote);
        cx.info(fill(t.everyone_voted, &[("key", &key)]));
        return Next::Stay;
    }
    let items = people
        .iter()
        .map(|(_, name, side)| Item::new(name.clone(), i18n::side(cx.lang, *side)))
        .collect();
    let ids = people.into_iter().map(|(id, ..)| id).collect();
    Next::Open(Overlay::picker(
        t.voter_prompt,
        items,
        0,
        Purpose::Phase(PhaseAsk::Vote(VoteAsk::Voter(ids))),
    ))
}

/// A dialog of the open vote was answered: counted hands, or closing it.
pub(super) fn answer(view: &mut MeetingView, ask: VoteAsk, answer: Answer, cx: &mut Ctx) -> Next {
    match (ask, answer) {
        (VoteAsk::Hands { slot, counts }, Answer::Text(text)) => {
            return hands_answered(view, slot, counts, &text, cx);
        }
        (VoteAsk::HandsAnyway(counts), Answer::Yes) => record_hands(view, counts, cx),
        (VoteAsk::Close, Answer::Yes) if view.run(Command::CloseVote, cx) => {
            let ui = ui_mut(view);
            ui.selected = 0;
            ui.ballot = None;
            ui.blank = false;
        }
        _ => {}
    }
    Next::Stay
}

/// The count of slot `slot` was typed: on to the next slot, or record them all (asking
/// first when they are more than the people present could raise).
fn hands_answered(
    view: &mut MeetingView,
    slot: usize,
    mut counts: Vec<u32>,
    text: &str,
    cx: &mut Ctx,
) -> Next {
    let t = &cx.t().vote;
    let value = if text.is_empty() {
        Some(0)
    } else {
        text.parse::<u32>().ok()
    };
    let Some(value) = value else {
        cx.error(t.not_a_number);
        return hands_prompt(view, cx, slot, counts);
    };
    let Some(total) = view.state().open_vote().map(Vote::hand_slots) else {
        return Next::Stay;
    };
    counts.truncate(slot);
    counts.push(value);
    if slot + 1 < total {
        return hands_prompt(view, cx, slot + 1, counts);
    }
    let present = view.state().present().count() as u32;
    let doubt = view
        .state()
        .open_vote()
        .and_then(|vote| too_many_hands(vote, &counts, present, t));
    if let Some(question) = doubt {
        return Next::Open(Overlay::confirm(
            question,
            Purpose::Phase(PhaseAsk::Vote(VoteAsk::HandsAnyway(counts))),
        ));
    }
    record_hands(view, counts, cx);
    Next::Stay
}

/// What slot `slot` of a hand count is called: an option, a fist value, yes/no/abstain.
fn slot_label(vote: &Vote, slot: usize, t: &VoteText) -> String {
    match vote.kind {
        VoteKind::FistOfFive => format!("{slot} – {}", t.fist_levels[slot.min(5)]),
        VoteKind::Pulse => {
            let slot = slot.min(t.pulse_levels.len() - 1);
            format!("{} – {}", slot + 1, t.pulse_levels[slot])
        }
        VoteKind::YesNo => t.yes_no[slot.min(2)].to_string(),
        _ => vote.options.get(slot).map_or_else(String::new, |o| {
            let number = option_numbers(&vote.options)[slot];
            format!("#{number} {}", o.label)
        }),
    }
}

/// Records counted hands and says so.
fn record_hands(view: &mut MeetingView, counts: Vec<u32>, cx: &mut Ctx) {
    if view.run(Command::CountHands(counts), cx) {
        cx.info(cx.t().vote.hands_saved);
    }
}

/// Whether counted hands are more than the people present could raise: one hand each for
/// a proposal, a hand per dot (at most the cap on one option) for a dot vote. The question
/// to ask when they are.
fn too_many_hands(vote: &Vote, counts: &[u32], present: u32, t: &VoteText) -> Option<String> {
    let total: u32 = counts.iter().sum();
    if vote.kind == VoteKind::Dots {
        let most = present.saturating_mul(vote.budget);
        let per_option = present.saturating_mul(if vote.cap > 0 {
            vote.cap.min(vote.budget)
        } else {
            vote.budget
        });
        (total > most || counts.iter().any(|c| *c > per_option)).then(|| {
            fill(
                t.hands_too_many_dots,
                &[
                    ("count", &total.to_string()),
                    ("present", &present.to_string()),
                    ("dots", &vote.budget.to_string()),
                    ("most", &most.to_string()),
                ],
            )
        })
    } else {
        (total > present).then(|| {
            fill(
                t.hands_too_many,
                &[
                    ("count", &total.to_string()),
                    ("present", &present.to_string()),
                ],
            )
        })
    }
}

/// The prompt for counted hands of slot `slot`, prefilled with an earlier count of it.
fn hands_prompt(view: &MeetingView, cx: &Ctx, slot: usize, counts: Vec<u32>) -> Next {
    let t = &cx.t().vote;
    let Some(vote) = view.state().open_vote() else {
        return Next::Stay;
    };
    let total = vote.hand_slots();
    let title = fill(
        t.hands_prompt,
        &[
            ("n", &(slot + 1).to_string()),
            ("total", &total.to_string()),
            ("label", &slot_label(vote, slot, t)),
        ],
    );
    let earlier = vote
        .hands
        .as_ref()
        .and_then(|h| h.get(slot))
        .map_or_else(String::new, u32::to_string);
    Next::Open(Overlay::Prompt(Prompt::new(
        &fit(&title, 70),
        t.hands_hint,
        &earlier,
        Purpose::Phase(PhaseAsk::Vote(VoteAsk::Hands { slot, counts })),
        5,
    )))
}

/// The open vote: its rules, the ballots cast so far in big digits, what to press next,
/// and the options (the results stay hidden until it closes).
pub(super) fn render_open(view: &MeetingView, pen: &mut Pen, vote: &Vote, cx: &Ctx) {
    let t = &cx.t().vote;
    let theme = cx.theme;
    pen.wrapped(
        &rules_line(vote.kind, vote.budget, vote.cap, vote.rule, t),
        theme.heading(),
        3,
    );
    if !vote.kind.has_options() {
        proposal_rows(pen, vote, 3, cx);
    }
    pen.gap();
    if takes_ballots(vote) {
        let present = view.state().present().count();
        let count = vote.ballots.len();
        let big = format!("{count} / {present}");
        let rows = match pen.left() {
            26.. => 8,
            10.. => 4,
            _ => 1,
        };
        if !pen.big(&big, theme.current(), rows) {
            pen.y = pen.y.saturating_sub(1);
        }
        let template = if vote.kind == VoteKind::Pulse {
            t.answers_cast
        } else {
            t.ballots_cast
        };
        pen.center(
            &fill(
                template,
                &[
                    ("count", &count.to_string()),
                    ("present", &present.to_string()),
                ],
            ),
            theme.heading(),
        );
        let everyone = waiting(view).is_empty();
        if cx.audience {
            // Who voted and how is nobody's business on the wall; that all have is.
            if everyone {
                pen.center(cx.t().wall.everyone_voted, theme.done());
            }
        } else {
            let unseen = unseen_ballots(view);
            if unseen > 0 && !everyone {
                pen.center(
                    &fill(t.ballots_before_break, &[("count", &unseen.to_string())]),
                    theme.warning(),
                );
            }
            if everyone {
                let key = cx.key_for(KeyContext::MeetingVote, Action::CloseVote);
                pen.center(&fill(t.everyone_voted, &[("key", &key)]), theme.done());
            } else {
                let key = cx.key_for(KeyContext::MeetingVote, Action::Confirm);
                pen.center(&fill(t.press_next_voter, &[("key", &key)]), theme.key());
            }
        }
    }
    if hands_count(vote.kind) {
        match &vote.hands {
            Some(counts) => pen.center(
                &fill(
                    t.hands_entered,
                    &[("count", &counts.iter().sum::<u32>().to_string())],
                ),
                theme.done(),
            ),
            None if vote.entry == Entry::Hands && !cx.audience => {
                let key = cx.key_for(KeyContext::MeetingVote, Action::CountHands);
                pen.center(&fill(t.press_hands, &[("key", &key)]), theme.key());
            }
            None => {}
        }
    }
    pen.center(t.results_hidden, theme.quiet());
    if vote.kind.has_options() && pen.left() > 3 {
        pen.gap();
        pen.text(&options_title(&vote.options, t), theme.heading());
        let first = ui(view).map_or(0, |u| u.selected);
        option_rows(pen, &vote.options, None, first, 0, theme, t);
    }
}
