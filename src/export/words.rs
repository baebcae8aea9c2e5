//! Small pieces of text the minutes are made of: dates, times, due dates, owners, numbers
//! a closed vote's result and a decision's basis in a few words. Pure, so the screens use
//! them too: the wall, the review and the minutes say things the same way.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::i18n::{self, Lang, fill};
use crate::model::MeetingState;
use crate::model::outcomes::{ActionStatus, Basis, Due, Owner};
use crate::model::vote::{Vote, VoteKind};

/// A date as people of `lang` write it: `3.11.2026`, `3 Nov 2026`.
pub fn format_date(lang: Lang, date: Date) -> String {
    let t = &lang.text().records;
    let month = usize::try_from(date.month()).unwrap_or(1).clamp(1, 12);
    fill(
        t.date,
        &[
            ("d", &date.day().to_string()),
            ("mon", t.months_in_dates[month - 1]),
            ("y", &date.year().to_string()),
        ],
    )
}

/// The weekday and date: `tiistai 3.11.2026`.
pub fn weekday_date(lang: Lang, date: Date) -> String {
    let m = &lang.text().minutes;
    let day = usize::try_from(date.weekday().to_monday_zero_offset()).unwrap_or(0);
    format!("{} {}", m.weekdays[day.min(6)], format_date(lang, date))
}

/// A time of day in `zone`: `13.05` in Finnish and Swedish, `13:05` in English.
pub fn clock(lang: Lang, at: Timestamp, zone: &TimeZone) -> String {
    at.to_zoned_datetime(zone.clone())
        .strftime(lang.text().minutes.clock)
        .to_string()
}

/// When an action is due, in words: a date, a month of the year clock, or none.
pub fn due_text(lang: Lang, due: Due) -> String {
    let t = &lang.text().records;
    match due {
        Due::Date { date } => format_date(lang, date),
        Due::Month { month } => t.months[usize::from(month.clamp(1, 12)) - 1].to_string(),
        Due::None => t.due_none.to_string(),
    }
}

/// Who owns an action: the member's name, or the role.
pub fn owner_text(lang: Lang, owner: &Owner) -> String {
    match owner {
        Owner::Member { name, .. } => name.clone(),
        Owner::Role { role } => i18n::role(lang, *role).to_string(),
    }
}

/// An action's status in words.
pub fn status_text(lang: Lang, status: ActionStatus) -> &'static str {
    let t = &lang.text().records;
    match status {
        ActionStatus::Open => t.status_unreviewed,
        ActionStatus::Done => t.status_done,
        ActionStatus::Continued => t.status_continued,
        ActionStatus::Dropped => t.status_dropped,
    }
}

/// A share as a whole percentage (`38 %`), or `–` when there is none.
pub fn percent(lang: Lang, share: Option<f64>) -> String {
    match share {
        Some(share) => fill(
            lang.text().minutes.percent,
            &[("n", &((share * 100.0).round() as i64).to_string())],
        ),
        None => "–".to_string(),
    }
}

/// A length of time, rounded to the second: `12 min 5 s`.
pub fn duration(lang: Lang, ms: u64) -> String {
    let secs = (ms + 500) / 1000;
    fill(
        lang.text().minutes.duration,
        &[
            ("m", &(secs / 60).to_string()),
            ("s", &(secs % 60).to_string()),
        ],
    )
}

/// A closed vote's result in a few words: the winner and its count, ties stated as ties.
pub fn vote_result(vote: &Vote, lang: Lang) -> String {
    let t = &lang.text().records;
    let tally = vote.tally();
    let label = |i: usize| vote.options.get(i).map_or("", |o| o.label.as_str());
    if tally.totals.iter().all(|x| *x == 0.0) {
        let option = vote.options.first().map_or("", |o| o.label.as_str());
        return if vote.kind.has_options() || option.is_empty() {
            t.result_no_votes.to_string()
        } else {
            format!("{option}: {}", t.result_no_votes)
        };
    }
    let winners = tally.winners();
    let names = winners
        .iter()
        .map(|i| label(*i))
        .collect::<Vec<_>>()
        .join(" / ");
    let tie = if winners.len() > 1 {
        format!(" {}", t.result_tie)
    } else {
        String::new()
    };
    let top = winners.first().and_then(|i| tally.totals.get(*i)).copied();
    let proposal = label(0);
    match vote.kind {
        VoteKind::Dots => {
            let n = top.unwrap_or(0.0).round() as usize;
            format!(
                "{}{tie}",
                fill(
                    t.result_dots[usize::from(n != 1)],
                    &[("option", &names), ("n", &n.to_string())]
                )
            )
        }
        VoteKind::Score => format!(
            "{}{tie}",
            fill(
                t.result_score,
                &[
                    ("option", &names),
                    ("avg", &crate::i18n::decimal(lang, top.unwrap_or(0.0), 1))
                ]
            )
        ),
        VoteKind::Ranking => format!("{}{tie}", fill(t.result_ranking, &[("option", &names)])),
        VoteKind::FistOfFive => {
            let template = if tally.passed == Some(true) {
                t.result_passed
            } else {
                t.result_not_passed
            };
            fill(template, &[("option", proposal)])
        }
        VoteKind::YesNo => {
            let at = |i: usize| (tally.totals.get(i).copied().unwrap_or(0.0) as u32).to_string();
            fill(
                t.result_yes_no,
                &[("option", proposal), ("yes", &at(0)), ("no", &at(1))],
            )
        }
    }
}

/// What a decision was based on, in words: "Äänestyksen 1 perusteella: Ruokailu 7 pistettä".
/// `scrub` hides names in the texts it quotes (the public minutes); the screens quote them as
/// they are.
pub fn basis_text(
    state: &MeetingState,
    basis: &Basis,
    lang: Lang,
    scrub: impl Fn(&str) -> String,
) -> String {
    let t = &lang.text().records;
    match basis {
        Basis::Vote { vote } => {
            let result = state
                .votes
                .iter()
                .find(|v| v.id == *vote && v.closed)
                .map(|v| {
                    let mut v = v.clone();
                    for option in &mut v.options {
                        option.label = scrub(&option.label);
                    }
                    vote_result(&v, lang)
                })
                .unwrap_or_default();
            let text = fill(
                t.based_on_vote,
                &[("n", &vote.to_string()), ("result", &result)],
            );
            // Without a result (a vote not in this meeting), no dangling colon.
            if result.is_empty() {
                text.trim_end_matches([':', ' ']).to_string()
            } else {
                text
            }
        }
        Basis::Idea { idea } => {
            let text = state
                .ideas
                .iter()
                .find(|i| i.id == *idea)
                .map_or(String::new(), |i| scrub(&i.text));
            fill(
                t.based_on_idea,
                &[("n", &idea.to_string()), ("text", &text)],
            )
        }
        Basis::Theme { theme } => {
            let name = state
                .themes
                .iter()
                .find(|x| x.id == *theme)
                .map_or(String::new(), |x| scrub(&x.name));
            fill(t.based_on_theme, &[("name", &name)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_times_and_numbers_are_written_the_local_way() {
        let date = jiff::civil::date(2026, 11, 3);
        assert_eq!(weekday_date(Lang::Fi, date), "tiistai 3.11.2026");
        assert_eq!(weekday_date(Lang::Sv, date), "tisdag 3.11.2026");
        assert_eq!(weekday_date(Lang::En, date), "Tuesday 3 Nov 2026");
        let at: Timestamp = "2026-11-03T11:05:00Z".parse().unwrap();
        let zone = crate::model::helsinki();
        assert_eq!(clock(Lang::Fi, at, &zone), "13.05");
        assert_eq!(clock(Lang::En, at, &zone), "13:05");
        // Summer time: UTC+3.
        let summer: Timestamp = "2026-06-01T06:00:00Z".parse().unwrap();
        assert_eq!(clock(Lang::Fi, summer, &zone), "9.00");
        assert_eq!(crate::i18n::decimal(Lang::Fi, 0.8249, 2), "0,82");
        assert_eq!(crate::i18n::decimal(Lang::En, 0.8251, 2), "0.83");
        assert_eq!(percent(Lang::Fi, Some(0.375)), "38 %");
        assert_eq!(percent(Lang::En, None), "–");
        assert_eq!(duration(Lang::Fi, 725_400), "12 min 5 s");
    }
}
