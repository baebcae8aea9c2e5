//! Small pieces of text the minutes, the screens and the command line are made of: dates,
//! times, due dates, owners, numbers, a closed vote's result and a decision's basis in a
//! few words, and reading a typed date. One home, so that the wall, the review, the minutes
//! and `parvi stats` say things the same way.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::i18n::{self, Lang, fill};
use crate::model::MeetingState;
use crate::model::outcomes::{ActionStatus, Basis, Due, Level, Origin, Owner, Source};
use crate::model::vote::{Vote, VoteKind};

/// Whose input a decision or an action came from ("opiskelijoilta").
pub fn source_text(lang: Lang, source: Source) -> &'static str {
    let i = Source::ALL.iter().position(|s| *s == source).unwrap_or(0);
    lang.text().origin.sources[i]
}

/// The students' level of participation ("opiskelijoita kuultiin").
pub fn level_text(lang: Lang, level: Level) -> &'static str {
    let i = Level::ALL.iter().position(|l| *l == level).unwrap_or(0);
    lang.text().origin.levels[i]
}

/// A source's name for tables and charts ("opiskelijat").
pub fn source_name(lang: Lang, source: Source) -> &'static str {
    let i = Source::ALL.iter().position(|s| *s == source).unwrap_or(0);
    lang.text().origin.source_names[i]
}

/// A level's name for tables and charts ("kuuleminen").
pub fn level_name(lang: Lang, level: Level) -> &'static str {
    let i = Level::ALL.iter().position(|l| *l == level).unwrap_or(0);
    lang.text().origin.level_names[i]
}

/// An origin in one line for the lists and the minutes ("Lähti liikkeelle opiskelijoilta ·
/// Osallisuus: opiskelijoita kuultiin"), or `None` when neither part is known.
pub fn origin_text(lang: Lang, origin: Origin) -> Option<String> {
    let t = &lang.text().origin;
    let parts: Vec<String> = [
        origin
            .source
            .map(|s| fill(t.from, &[("source", source_text(lang, s))])),
        origin
            .level
            .map(|l| fill(t.level, &[("level", level_text(lang, l))])),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

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

/// What a figure that cannot be worked out (a share of nothing) shows.
pub const NO_FIGURE: &str = "–";

/// A share as a whole percentage in the language's way (`38 %`, in English `38%`), or
/// [`NO_FIGURE`] when there is none.
pub fn percent(lang: Lang, share: Option<f64>) -> String {
    match share {
        Some(share) => whole_percent(lang, (share * 100.0).round() as i64),
        None => NO_FIGURE.to_string(),
    }
}

/// An equity index to two decimals in the language's way, or [`NO_FIGURE`] when there is
/// none (nobody spoke).
pub fn equity(lang: Lang, index: Option<f64>) -> String {
    index.map_or_else(|| NO_FIGURE.to_string(), |e| i18n::decimal(lang, e, 2))
}

/// `part` of `whole` as a whole percentage, rounded half up, as [`percent`] writes it;
/// [`NO_FIGURE`] when `whole` is 0.
pub fn percent_of(lang: Lang, part: u64, whole: u64) -> String {
    match (part * 100 + whole / 2).checked_div(whole) {
        Some(n) => whole_percent(lang, n as i64),
        None => NO_FIGURE.to_string(),
    }
}

fn whole_percent(lang: Lang, n: i64) -> String {
    fill(lang.text().minutes.percent, &[("n", &n.to_string())])
}

/// A count of dots or votes (summed as `f64` by the tally), as a whole number.
pub fn count(x: f64) -> String {
    format!("{}", x.round() as i64)
}

/// An option's figure in a closed vote's results, the same on the wall, in the review and
/// in the minutes: a mean score to one decimal ([`NO_FIGURE`] when nobody scored it, as a
/// score is 1–5), nothing for a ranking (its rounds tell), else a whole count.
pub fn vote_figure(lang: Lang, kind: VoteKind, x: f64) -> String {
    match kind {
        VoteKind::Score if x > 0.0 => i18n::decimal(lang, x, 1),
        VoteKind::Score => NO_FIGURE.to_string(),
        VoteKind::Ranking => String::new(),
        _ => count(x),
    }
}

/// A length of time that is over (a meeting's, an item's, a side's airtime) as `m:ss`, or
/// `h:mm:ss` from an hour up, rounded to the nearest second: the review, the summary and
/// `parvi stats` give the same figure. (A running clock counts whole seconds instead, as
/// a stopwatch does: `tui::widgets::clock`.)
pub fn length(ms: u64) -> String {
    let secs = (ms + 500) / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
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

/// The values of a vote on a scale (fist of five, yes/no, the pulse), each as its slot in
/// the tally's totals and its label ("5 – Kannatan täysin"), in the order every table shows
/// them: a numbered scale from its top down, yes/no/abstain as they are. Empty for a vote
/// on options.
pub fn scale_rows(lang: Lang, kind: VoteKind) -> Vec<(usize, String)> {
    let t = &lang.text().vote;
    match kind {
        VoteKind::FistOfFive => (0..t.fist_levels.len())
            .rev()
            .map(|v| (v, format!("{v} – {}", t.fist_levels[v])))
            .collect(),
        VoteKind::Pulse => (0..t.pulse_levels.len())
            .rev()
            .map(|slot| (slot, format!("{} – {}", slot + 1, t.pulse_levels[slot])))
            .collect(),
        VoteKind::YesNo => t.yes_no.iter().map(|s| s.to_string()).enumerate().collect(),
        VoteKind::Dots | VoteKind::Score | VoteKind::Ranking => Vec::new(),
    }
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
        VoteKind::Pulse => {
            let average = crate::model::vote::pulse_average(&tally.totals).unwrap_or(0.0);
            // The question is said where the pulse is; the result is its mean answer.
            fill(
                t.result_pulse,
                &[("avg", &crate::i18n::decimal(lang, average, 1))],
            )
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

/// Why a typed date was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date at all.
    NotADate,
    /// Day and month in range, but no such day (31.4., 29.2.2027).
    NoSuchDay,
    /// A real day, but before today.
    Past(Date),
}

/// Reads a date as people type it: `15.1.2027`, `15.1.27`, `15/1/2027`, `2027-01-15`,
/// `15 Jan 2027`, `15. tammikuuta`, or without the year (`15.1.`, `15.1`), which means the
/// next such day from `today` on. Empty is `None`. A date before `today` is refused.
pub fn parse_date(text: &str, today: Date) -> Result<Option<Date>, DateProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let tokens: Vec<&str> = text
        .split(|c: char| matches!(c, '.' | '/' | '-' | ',') || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    let number = |s: &str| -> Option<i32> {
        (s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (day, month, year): (i32, i32, Option<&str>) = match tokens.as_slice() {
        // ISO: 2027-01-15.
        [y, m, d] if y.len() == 4 && number(y).is_some() => (
            number(d).ok_or(DateProblem::NotADate)?,
            number(m).ok_or(DateProblem::NotADate)?,
            Some(*y),
        ),
        [d, m] => (
            number(d).ok_or(DateProblem::NotADate)?,
            month_number(m).ok_or(DateProblem::NotADate)?,
            None,
        ),
        [d, m, y] => {
            // "Jan 15 2027" as well as "15 Jan 2027".
            let (d, m) = if number(d).is_none() && number(m).is_some() {
                (m, d)
            } else {
                (d, m)
            };
            (
                number(d).ok_or(DateProblem::NotADate)?,
                month_number(m).ok_or(DateProblem::NotADate)?,
                Some(*y),
            )
        }
        _ => return Err(DateProblem::NotADate),
    };
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return Err(DateProblem::NotADate);
    }
    let (day, month) = (day as i8, month as i8);
    let date = match year {
        Some(y) => {
            let year = match (y.len(), number(y)) {
                (4, Some(y)) => y,
                (2, Some(y)) => 2000 + y,
                _ => return Err(DateProblem::NotADate),
            };
            Date::new(year as i16, month, day).map_err(|_| DateProblem::NoSuchDay)?
        }
        // The next such day: this year, or a later one (29 February waits for a leap year).
        None => (0..=8)
            .filter_map(|ahead| Date::new(today.year() + ahead, month, day).ok())
            .find(|d| *d >= today)
            .ok_or(DateProblem::NoSuchDay)?,
    };
    if date < today {
        return Err(DateProblem::Past(date));
    }
    Ok(Some(date))
}

/// A month by its number or by its name (or the start of its name, at least three letters)
/// in any of the three languages: `1`, `tammikuu`, `tammikuuta`, `jan`, `January`.
fn month_number(text: &str) -> Option<i32> {
    if let Ok(n) = text.parse::<i32>() {
        return text.chars().all(|c| c.is_ascii_digit()).then_some(n);
    }
    let text = text.to_lowercase();
    if text.chars().count() < 3 {
        return None;
    }
    Lang::ALL.iter().find_map(|lang| {
        let t = &lang.text().records;
        t.months
            .iter()
            .chain(t.months_in_dates.iter())
            .position(|name| {
                let name = name.to_lowercase();
                name.starts_with(&text) || text.starts_with(&name) && name.chars().count() >= 3
            })
            .map(|i| (i % 12) as i32 + 1)
    })
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
        assert_eq!(percent(Lang::En, Some(0.375)), "38%");
        assert_eq!(percent_of(Lang::Fi, 1, 3), "33 %");
        assert_eq!(percent_of(Lang::Sv, 1, 2), "50 %");
        assert_eq!(percent_of(Lang::En, 0, 0), "–");
    }

    #[test]
    fn a_length_is_rounded_to_the_nearest_second() {
        assert_eq!(length(6_339_500), "1:45:40");
        assert_eq!(length(6_339_499), "1:45:39");
        assert_eq!(length(59_600), "1:00");
        assert_eq!(length(0), "0:00");
    }

    #[test]
    fn a_vote_figure_is_the_same_wherever_it_is_shown() {
        assert_eq!(vote_figure(Lang::Fi, VoteKind::Score, 4.0), "4,0");
        assert_eq!(vote_figure(Lang::En, VoteKind::Score, 3.5), "3.5");
        // An option nobody scored has no mean: a dash, not "0,0".
        assert_eq!(vote_figure(Lang::Fi, VoteKind::Score, 0.0), "–");
        assert_eq!(vote_figure(Lang::Fi, VoteKind::Dots, 3.0), "3");
        assert_eq!(vote_figure(Lang::Fi, VoteKind::YesNo, 2.0), "2");
        assert_eq!(vote_figure(Lang::Fi, VoteKind::Ranking, 2.0), "");
        assert_eq!(duration(Lang::Fi, 725_400), "12 min 5 s");
    }

    const TODAY: Date = jiff::civil::date(2026, 11, 10);
    use jiff::civil::date;

    #[test]
    fn dates_are_read_the_finnish_way_and_others() {
        let day = Ok(Some(date(2027, 1, 15)));
        for typed in [
            "15.1.2027",
            "15.1.27",
            " 15.01.2027 ",
            "15/1/2027",
            "2027-01-15",
            "15 Jan 2027",
            "Jan 15, 2027",
            "15 January 2027",
            "15. tammikuuta 2027",
            "15 januari 2027",
        ] {
            assert_eq!(parse_date(typed, TODAY), day, "{typed}");
        }
    }

    #[test]
    fn a_date_without_a_year_is_the_next_such_day() {
        // 15 January has passed this year: next year's.
        assert_eq!(parse_date("15.1.", TODAY), Ok(Some(date(2027, 1, 15))));
        assert_eq!(parse_date("15.1", TODAY), Ok(Some(date(2027, 1, 15))));
        // 20 November is still to come this year; today counts.
        assert_eq!(parse_date("20.11.", TODAY), Ok(Some(date(2026, 11, 20))));
        assert_eq!(parse_date("10.11.", TODAY), Ok(Some(date(2026, 11, 10))));
        // 29 February waits for a leap year.
        assert_eq!(parse_date("29.2.", TODAY), Ok(Some(date(2028, 2, 29))));
    }

    #[test]
    fn empty_is_none_and_bad_dates_are_told_apart() {
        assert_eq!(parse_date("  ", TODAY), Ok(None));
        for typed in [
            "huomenna",
            "15",
            "32.1.2027",
            "15.13.2027",
            "1.2.3.4",
            "15.1.202",
        ] {
            assert_eq!(
                parse_date(typed, TODAY),
                Err(DateProblem::NotADate),
                "{typed}"
            );
        }
        assert_eq!(parse_date("31.4.2027", TODAY), Err(DateProblem::NoSuchDay));
        assert_eq!(parse_date("29.2.2027", TODAY), Err(DateProblem::NoSuchDay));
        assert_eq!(
            parse_date("9.11.2026", TODAY),
            Err(DateProblem::Past(date(2026, 11, 9)))
        );
    }

    #[test]
    fn dates_and_months_are_written_in_the_users_language() {
        let day = date(2027, 1, 15);
        assert_eq!(format_date(Lang::Fi, day), "15.1.2027");
        assert_eq!(format_date(Lang::Sv, day), "15.1.2027");
        assert_eq!(format_date(Lang::En, day), "15 Jan 2027");
        assert_eq!(due_text(Lang::Fi, Due::Month { month: 3 }), "maaliskuu");
        assert_eq!(due_text(Lang::Sv, Due::Month { month: 3 }), "mars");
        assert_eq!(due_text(Lang::En, Due::Month { month: 3 }), "March");
        // Every language's dates read back.
        for lang in Lang::ALL {
            assert_eq!(
                parse_date(&format_date(lang, day), TODAY),
                Ok(Some(day)),
                "{lang:?}"
            );
        }
    }
}
