//! The memo as a small document tree, built once and written out as Markdown or HTML, so the
//! two always say the same thing. Every text in the tree is plain text; the writers escape it.

use std::collections::BTreeMap;

use crate::i18n::{self, Lang, fill};
use crate::model::metrics;
use crate::model::outcomes::{ActionItem, ActionStatus};
use crate::model::vote::{MIN_SIDE_VOTERS, Vote, VoteKind};
use crate::model::{PhaseKind, Role, SessionRecord, Side};

use super::Options;
use super::people::Roster;
use super::trace::Trace;
use super::words;

/// A table: a header row, rows, and the columns that hold numbers (right-aligned).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<usize>,
}

/// One piece of an item or section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(String),
    /// The phase's question or instruction, set off (italic).
    Prompt(String),
    /// A small heading inside an item (a vote).
    Sub(String),
    /// A label ("Keskustelun pääkohdat") and a list.
    List {
        label: Option<String>,
        items: Vec<String>,
    },
    /// Lists under headings (ideas by theme).
    Groups {
        label: Option<String>,
        groups: Vec<(String, Vec<String>)>,
    },
    /// A labelled entry with details under it (a decision).
    Entry {
        label: String,
        text: String,
        details: Vec<String>,
    },
    Table(Table),
    /// A label and a line to fill in by hand.
    Fill(String),
}

/// A numbered item (`3 §`) or an unnumbered section.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub number: Option<String>,
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// The whole memo.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub lang: Lang,
    /// The group's name.
    pub title: String,
    /// "Muistio 3/2026".
    pub kind: String,
    /// The group's kind.
    pub subtitle: String,
    /// "Julkinen versio", for a public version.
    pub public: Option<String>,
    /// The meeting's date, for the HTML title.
    pub date: String,
    pub meta: Vec<(String, String)>,
    pub items: Vec<Section>,
    pub after: Vec<Section>,
    pub footer: Vec<String>,
}

/// Builds the memo of a meeting.
pub fn build(record: &SessionRecord, options: &Options) -> Doc {
    let lang = options.lang;
    let t = lang.text();
    let m = &t.minutes;
    let trace = Trace::of(record);
    let state = &trace.state;
    let roster = Roster::new(record, state, lang, options.public);
    let zone = &options.zone;
    let start = record.started_at();
    let start_local = start.to_zoned_datetime(zone.clone());
    let date = start_local.date();
    let clock = |at| words::clock(lang, at, zone);

    // ---- the header ----
    let kind = match options.number {
        Some(n) => fill(
            m.memo_numbered,
            &[("n", &n.to_string()), ("year", &date.year().to_string())],
        ),
        None => m.memo.to_string(),
    };
    let weekday_date = words::weekday_date(lang, date);
    let weekday = weekday_date
        .split_once(' ')
        .map_or(String::new(), |(w, _)| w.to_string());
    let date_text = words::format_date(lang, date);
    let time = match record.ended_at() {
        Some(end) => {
            let end_date = end.to_zoned_datetime(zone.clone()).date();
            let template = if end_date == date {
                m.time_range
            } else {
                m.time_range_days
            };
            fill(
                template,
                &[
                    ("weekday", &weekday),
                    ("date", &date_text),
                    ("start", &clock(start)),
                    ("end_date", &words::format_date(lang, end_date)),
                    ("end", &clock(end)),
                ],
            )
        }
        None => fill(
            m.time_open,
            &[
                ("weekday", &weekday),
                ("date", &date_text),
                ("start", &clock(start)),
            ],
        ),
    };
    let mut meta = vec![(m.label_time.to_string(), time)];
    let site = roster.scrub(record.group.site.trim());
    meta.push((
        m.label_place.to_string(),
        if site.is_empty() {
            m.blank.to_string()
        } else {
            site
        },
    ));
    if !record.topic.trim().is_empty() {
        meta.push((m.label_topic.to_string(), roster.scrub(record.topic.trim())));
    }
    meta.push((
        m.label_format.to_string(),
        roster.scrub(record.format.title.get(lang)),
    ));
    let attendance = |guests: bool, present: bool| -> String {
        let mut named: Vec<String> = Vec::new();
        let mut counted: BTreeMap<usize, usize> = BTreeMap::new();
        for p in roster.people.iter().filter(|p| p.guest == guests) {
            let seen = trace.presence.get(&p.id).copied().unwrap_or_default();
            if seen.ever != present {
                continue;
            }
            if roster.hides(p) {
                let slot = Role::ALL.iter().position(|r| *r == p.role).unwrap_or(0);
                *counted.entry(slot).or_default() += 1;
                continue;
            }
            let mut notes = vec![i18n::role(lang, p.role).to_string()];
            if let Some(at) = seen.arrived {
                notes.push(fill(m.arrived, &[("time", &clock(at))]));
            }
            if let Some(at) = seen.left {
                notes.push(fill(m.left, &[("time", &clock(at))]));
            }
            named.push(format!("{} ({})", p.name, notes.join(", ")));
        }
        named.extend(
            counted
                .into_iter()
                .map(|(slot, n)| format!("{} ({n})", i18n::role(lang, Role::ALL[slot]))),
        );
        if named.is_empty() {
            "–".to_string()
        } else {
            named.join(", ")
        }
    };
    meta.push((m.label_present.to_string(), attendance(false, true)));
    meta.push((m.label_absent.to_string(), attendance(false, false)));
    if roster.people.iter().any(|p| p.guest) {
        meta.push((m.label_others.to_string(), attendance(true, true)));
    }

    let places = Places::new(&trace);
    let followup_home = |a: &ActionItem| places.followup(&trace, a);

    // ---- the numbered items ----
    let number = |n: usize| fill(m.item_number, &[("n", &n.to_string())]);
    let mut items = vec![Section {
        number: Some(number(1)),
        title: Some(m.opening_title.to_string()),
        blocks: vec![Block::Para(fill(
            m.opening_text,
            &[("time", &clock(start))],
        ))],
    }];
    for (i, phase) in state.agenda.iter().enumerate() {
        if phase.kind == PhaseKind::Break {
            continue;
        }
        let mut blocks = Vec::new();
        let prompt = phase.prompt.get(lang).trim();
        if !prompt.is_empty() {
            blocks.push(Block::Prompt(roster.scrub(prompt)));
        }
        let visited = state.progress.get(i).is_some_and(|p| p.visits > 0);
        let before = blocks.len();

        // Turns and notes.
        if phase.kind.has_turns() {
            let turns: Vec<(bool, Option<&String>)> = state
                .turns
                .iter()
                .filter(|t| t.phase == i)
                .map(|t| (t.passed, t.note.as_ref()))
                .chain(
                    state
                        .turn
                        .iter()
                        .filter(|t| t.phase == i)
                        .map(|t| (false, t.note.as_ref())),
                )
                .collect();
            if !turns.is_empty() {
                let passes = turns.iter().filter(|(passed, _)| *passed).count();
                let mut line = fill(
                    m.turns_line,
                    &[
                        ("turns", &(turns.len() - passes).to_string()),
                        ("passes", &passes.to_string()),
                    ],
                );
                if let Some(rules) = trace.round_rules.get(&i) {
                    let mut names: Vec<&str> = Vec::new();
                    for rule in rules {
                        let name = i18n::order_rule(lang, *rule);
                        if !names.contains(&name) {
                            names.push(name);
                        }
                    }
                    line.push(' ');
                    line.push_str(&fill(m.order_line, &[("rule", &names.join(", "))]));
                }
                blocks.push(Block::Para(line));
                let notes: Vec<String> = turns
                    .iter()
                    .filter_map(|(_, note)| note.map(|n| roster.scrub(n)))
                    .collect();
                if !notes.is_empty() {
                    blocks.push(Block::List {
                        label: Some(m.label_notes.to_string()),
                        items: notes,
                    });
                }
            }
        }

        // Ideas written here, by theme.
        if phase.takes_ideas() {
            let mine: Vec<_> = state
                .ideas
                .iter()
                .filter(|idea| idea.phase == i && idea.live())
                .collect();
            let hidden = mine.iter().filter(|idea| idea.hidden).count();
            let shown: Vec<_> = mine.iter().filter(|idea| !idea.hidden).collect();
            let text = |idea: &crate::model::outcomes::Idea| {
                let text = roster.scrub(&idea.text);
                match &idea.author {
                    Some(author) => format!("{text} ({})", roster.label(author)),
                    None => text,
                }
            };
            if !shown.is_empty() {
                let themed = shown.iter().any(|idea| idea.theme.is_some());
                if themed {
                    let mut groups: Vec<(String, Vec<String>)> = state
                        .themes
                        .iter()
                        .map(|theme| {
                            (
                                roster.scrub(&theme.name),
                                shown
                                    .iter()
                                    .filter(|idea| idea.theme == Some(theme.id))
                                    .map(|idea| text(idea))
                                    .collect::<Vec<_>>(),
                            )
                        })
                        .filter(|(_, ideas)| !ideas.is_empty())
                        .collect();
                    let loose: Vec<String> = shown
                        .iter()
                        .filter(|idea| {
                            idea.theme
                                .is_none_or(|id| !state.themes.iter().any(|t| t.id == id))
                        })
                        .map(|idea| text(idea))
                        .collect();
                    if !loose.is_empty() {
                        groups.push((m.no_theme.to_string(), loose));
                    }
                    blocks.push(Block::Groups {
                        label: Some(m.label_ideas.to_string()),
                        groups,
                    });
                } else {
                    blocks.push(Block::List {
                        label: Some(m.label_ideas.to_string()),
                        items: shown.iter().map(|idea| text(idea)).collect(),
                    });
                }
            }
            if hidden > 0 {
                blocks.push(Block::Para(fill(
                    m.hidden_ideas,
                    &[("n", &hidden.to_string())],
                )));
            }
            if visited && mine.is_empty() && phase.kind != PhaseKind::Grouping {
                blocks.push(Block::Para(m.no_ideas.to_string()));
            }
        }
        if phase.kind == PhaseKind::Grouping {
            let themes: Vec<String> = state
                .themes
                .iter()
                .filter_map(|theme| {
                    let n = state
                        .live_ideas()
                        .filter(|idea| idea.theme == Some(theme.id))
                        .count();
                    (n > 0).then(|| format!("{} ({n})", roster.scrub(&theme.name)))
                })
                .collect();
            if !themes.is_empty() {
                blocks.push(Block::List {
                    label: Some(m.themes_line.trim_end_matches(':').to_string()),
                    items: themes,
                });
            }
        }

        // Votes held here.
        for vote in state.votes.iter().filter(|v| v.phase == i) {
            vote_blocks(&mut blocks, vote, lang, &roster);
        }

        // Decisions recorded here.
        let decisions: Vec<_> = state
            .decisions
            .iter()
            .filter(|d| places.decision(&trace, d.id) == i)
            .collect();
        for d in &decisions {
            let mut details: Vec<String> = d
                .basis
                .iter()
                .map(|b| words::basis_text(state, b, lang, |text| roster.scrub(text)))
                .collect();
            if let Some(review) = d.review {
                details.push(fill(
                    t.records.review_on,
                    &[("date", &words::format_date(lang, review))],
                ));
            }
            blocks.push(Block::Entry {
                label: fill(t.records.decision_label, &[("n", &d.id.to_string())]),
                text: roster.scrub(&d.text),
                details,
            });
        }
        if state.decisions.is_empty() && visited && phase.kind == PhaseKind::Decisions {
            blocks.push(Block::Para(m.no_decisions.to_string()));
        }

        // Actions agreed here: they are listed in the actions table.
        let actions = state
            .actions
            .iter()
            .filter(|a| places.action(&trace, &a.id) == i)
            .count();
        if actions > 0 {
            blocks.push(Block::Para(fill(
                m.actions_here,
                &[("n", &actions.to_string())],
            )));
        } else if state.actions.is_empty() && visited && phase.kind == PhaseKind::Actions {
            blocks.push(Block::Para(m.no_actions.to_string()));
        }

        // Earlier actions followed up here.
        let followed: Vec<&ActionItem> = state
            .carried
            .iter()
            .filter(|a| followup_home(a) == Some(i))
            .collect();
        if !followed.is_empty() {
            blocks.push(Block::Table(followup_table(
                record, &followed, lang, &roster,
            )));
        } else if phase.kind == PhaseKind::ReviewActions && visited && state.carried.is_empty() {
            blocks.push(Block::Para(t.records.no_carried.to_string()));
        }

        if !visited && blocks.len() == before {
            blocks.push(Block::Para(m.not_handled.to_string()));
        }
        items.push(Section {
            number: Some(number(items.len() + 1)),
            title: Some(roster.scrub(phase.title.get(lang))),
            blocks,
        });
    }
    let last_at = trace.last_at.unwrap_or(start);
    let closing = match record.ended_at() {
        Some(end) => fill(m.closing_text, &[("time", &clock(end))]),
        None => fill(m.closing_unfinished, &[("time", &clock(last_at))]),
    };
    items.push(Section {
        number: Some(number(items.len() + 1)),
        title: Some(m.closing_title.to_string()),
        blocks: vec![Block::Para(closing)],
    });

    // ---- after the items ----
    let mut after = Vec::new();
    let unplaced: Vec<&ActionItem> = state
        .carried
        .iter()
        .filter(|a| followup_home(a).is_none())
        .collect();
    if !unplaced.is_empty() {
        after.push(Section {
            number: None,
            title: Some(m.followup_title.to_string()),
            blocks: vec![Block::Table(followup_table(
                record, &unplaced, lang, &roster,
            ))],
        });
    }
    let actions = if state.actions.is_empty() {
        Block::Para(m.no_actions.to_string())
    } else {
        let c = &t.records.columns;
        Block::Table(Table {
            head: vec!["#".into(), c[0].into(), c[1].into(), c[2].into()],
            rows: state
                .actions
                .iter()
                .enumerate()
                .map(|(n, a)| {
                    vec![
                        (n + 1).to_string(),
                        roster.scrub(&a.text),
                        roster.owner(&a.owner),
                        words::due_text(lang, a.due),
                    ]
                })
                .collect(),
            numeric: vec![0],
        })
    };
    after.push(Section {
        number: None,
        title: Some(m.actions_title.to_string()),
        blocks: vec![actions],
    });
    after.push(Section {
        number: None,
        title: None,
        blocks: vec![Block::Fill(m.next_meeting.to_string())],
    });
    after.push(Section {
        number: None,
        title: Some(m.participation_title.to_string()),
        blocks: participation_blocks(state, lang),
    });

    // ---- the footer ----
    let mut footer = vec![
        fill(
            m.footer_kind,
            &[("kind", i18n::group_kind(lang, record.group.kind))],
        ),
        m.footer_privacy.to_string(),
        m.footer_retention.to_string(),
    ];
    if options.public {
        footer.push(m.footer_public.to_string());
    }
    footer.push(fill(m.footer_made, &[("id", &record.id.to_string())]));

    Doc {
        lang,
        title: roster.scrub(&record.group.name),
        kind,
        subtitle: crate::i18n::capitalise(i18n::group_kind(lang, record.group.kind)),
        public: options.public.then(|| m.public_version.to_string()),
        date: date_text,
        meta,
        items,
        after,
        footer,
    }
}

/// Where things go in the memo: the item number of each agenda phase, and the item a
/// decision, action or follow-up belongs to when the log does not say (or says a break).
pub struct Places {
    /// The memo's item number of each phase (`None` for breaks); the opening is item 1.
    pub numbers: Vec<Option<usize>>,
    kinds: Vec<PhaseKind>,
    decision_home: usize,
    action_home: usize,
    review_home: Option<usize>,
}

impl Places {
    pub fn new(trace: &Trace) -> Places {
        let agenda = &trace.state.agenda;
        let kinds: Vec<PhaseKind> = agenda.iter().map(|p| p.kind).collect();
        let mut n = 1;
        let numbers = kinds
            .iter()
            .map(|k| {
                (*k != PhaseKind::Break).then(|| {
                    n += 1;
                    n
                })
            })
            .collect();
        let first_of = |kind: PhaseKind| kinds.iter().position(|k| *k == kind);
        let last_item = kinds
            .iter()
            .rposition(|k| *k != PhaseKind::Break)
            .unwrap_or(0);
        Places {
            numbers,
            decision_home: first_of(PhaseKind::Decisions).unwrap_or(last_item),
            action_home: first_of(PhaseKind::Actions).unwrap_or(last_item),
            review_home: first_of(PhaseKind::ReviewActions),
            kinds,
        }
    }

    /// The phase, if it is an item of the memo (not a break, not out of range).
    fn item(&self, phase: Option<usize>) -> Option<usize> {
        phase.filter(|p| self.kinds.get(*p).is_some_and(|k| *k != PhaseKind::Break))
    }

    /// The item number of a phase, as text (empty for a break).
    pub fn number(&self, phase: usize) -> String {
        self.numbers
            .get(phase)
            .copied()
            .flatten()
            .map_or(String::new(), |n| n.to_string())
    }

    pub fn decision(&self, trace: &Trace, id: u32) -> usize {
        self.item(trace.decision_phase.get(&id).copied())
            .unwrap_or(self.decision_home)
    }

    pub fn action(&self, trace: &Trace, id: &str) -> usize {
        self.item(trace.action_phase.get(id).copied())
            .unwrap_or(self.action_home)
    }

    /// Where an earlier action's follow-up goes: the item it was reviewed in, else the
    /// first follow-up item; `None` when the agenda has none.
    pub fn followup(&self, trace: &Trace, action: &ActionItem) -> Option<usize> {
        let reviewed = (action.status != ActionStatus::Open)
            .then(|| trace.review_phase.get(&action.id).copied())
            .flatten();
        self.item(reviewed).or(self.item(self.review_home))
    }
}

/// A vote with its option labels scrubbed of hidden names.
pub fn scrubbed(vote: &Vote, roster: &Roster) -> Vote {
    let mut vote = vote.clone();
    for option in &mut vote.options {
        option.label = roster.scrub(&option.label);
    }
    vote
}

/// Whether the per-side results were withheld because a side had too few voters.
pub fn by_side_withheld(vote: &Vote) -> bool {
    vote.sides_shown() == Some(false) && vote.kind != VoteKind::Ranking
}

fn vote_blocks(blocks: &mut Vec<Block>, vote: &Vote, lang: Lang, roster: &Roster) {
    let t = lang.text();
    let m = &t.minutes;
    let kind_index = VoteKind::ALL
        .iter()
        .position(|k| *k == vote.kind)
        .unwrap_or(0);
    blocks.push(Block::Sub(fill(
        m.vote_title,
        &[
            ("n", &vote.id.to_string()),
            ("kind", m.vote_kinds[kind_index]),
        ],
    )));
    let vote = scrubbed(vote, roster);
    if !vote.kind.has_options()
        && let Some(proposal) = vote.options.first()
    {
        blocks.push(Block::Para(fill(m.proposal, &[("text", &proposal.label)])));
    }
    let rule = match vote.kind {
        VoteKind::Dots if vote.cap > 0 => fill(
            m.dots_rule,
            &[
                ("budget", &vote.budget.to_string()),
                ("cap", &vote.cap.to_string()),
            ],
        ),
        VoteKind::Dots => fill(m.dots_rule_no_cap, &[("budget", &vote.budget.to_string())]),
        VoteKind::FistOfFive => match vote.rule {
            crate::model::vote::Rule::Consent => m.consent_rule.to_string(),
            crate::model::vote::Rule::Consensus => m.consensus_rule.to_string(),
        },
        VoteKind::YesNo => m.yes_no_rule.to_string(),
        VoteKind::Score => m.score_rule.to_string(),
        VoteKind::Ranking => m.ranking_rule.to_string(),
    };
    let entry = match vote.entry {
        crate::model::vote::Entry::Voters => m.entry_voters,
        crate::model::vote::Entry::Hands => m.entry_hands,
    };
    if !vote.closed {
        blocks.push(Block::Para(format!("{rule} {entry}")));
        blocks.push(Block::Para(m.vote_open.to_string()));
        return;
    }
    let tally = vote.tally();
    blocks.push(Block::Para(format!(
        "{rule} {entry} {}",
        fill(m.voters, &[("n", &tally.voters.to_string())])
    )));
    let sides: Vec<(Side, &Vec<f64>)> = tally.by_side.iter().map(|(s, v)| (*s, v)).collect();
    let side_head = |head: &mut Vec<String>| {
        head.extend(
            sides
                .iter()
                .map(|(s, _)| crate::i18n::capitalise(i18n::side(lang, *s))),
        );
    };
    let count = |x: f64| format!("{}", x.round() as i64);
    let table = match vote.kind {
        VoteKind::Dots | VoteKind::Score => {
            let ranks = tally.ranks(vote.options.len());
            let value = |x: f64| {
                if vote.kind == VoteKind::Dots {
                    count(x)
                } else {
                    crate::i18n::decimal(lang, x, 1)
                }
            };
            let mut head = vec![
                m.col_rank.to_string(),
                m.col_option.to_string(),
                if vote.kind == VoteKind::Dots {
                    m.col_dots
                } else {
                    m.col_average
                }
                .to_string(),
            ];
            side_head(&mut head);
            let rows = tally
                .order
                .iter()
                .flatten()
                .map(|i| {
                    let mut row = vec![
                        ranks[*i].to_string(),
                        vote.options[*i].label.clone(),
                        value(tally.totals.get(*i).copied().unwrap_or(0.0)),
                    ];
                    row.extend(
                        sides
                            .iter()
                            .map(|(_, v)| value(v.get(*i).copied().unwrap_or(0.0))),
                    );
                    row
                })
                .collect();
            let numeric = (0..head.len()).filter(|c| *c != 1).collect();
            Table {
                head,
                rows,
                numeric,
            }
        }
        VoteKind::Ranking => {
            let mut head = vec![m.col_rank.to_string(), m.col_option.to_string()];
            head.extend(
                (1..=tally.rounds.len()).map(|n| fill(m.col_round, &[("n", &n.to_string())])),
            );
            let ranks = tally.ranks(vote.options.len());
            let rows = tally
                .order
                .iter()
                .flatten()
                .map(|i| {
                    let mut row = vec![ranks[*i].to_string(), vote.options[*i].label.clone()];
                    row.extend(tally.rounds.iter().map(|round| {
                        round
                            .get(*i)
                            .copied()
                            .flatten()
                            .map_or("–".to_string(), |c| c.to_string())
                    }));
                    row
                })
                .collect();
            let numeric = (0..head.len()).filter(|c| *c != 1).collect();
            Table {
                head,
                rows,
                numeric,
            }
        }
        VoteKind::FistOfFive | VoteKind::YesNo => {
            let labels: Vec<String> = if vote.kind == VoteKind::FistOfFive {
                (0..6)
                    .rev()
                    .map(|v| format!("{v} – {}", t.vote.fist_levels[v]))
                    .collect()
            } else {
                t.vote.yes_no.iter().map(|s| s.to_string()).collect()
            };
            let order: Vec<usize> = if vote.kind == VoteKind::FistOfFive {
                (0..6).rev().collect()
            } else {
                (0..3).collect()
            };
            let mut head = vec![m.col_value.to_string(), m.col_votes.to_string()];
            side_head(&mut head);
            let rows = order
                .iter()
                .zip(labels)
                .map(|(i, label)| {
                    let mut row = vec![label, count(tally.totals.get(*i).copied().unwrap_or(0.0))];
                    row.extend(
                        sides
                            .iter()
                            .map(|(_, v)| count(v.get(*i).copied().unwrap_or(0.0))),
                    );
                    row
                })
                .collect();
            let numeric = (1..head.len()).collect();
            Table {
                head,
                rows,
                numeric,
            }
        }
    };
    blocks.push(Block::Table(table));
    let mut result = fill(m.result, &[("result", &words::vote_result(&vote, lang))]);
    if vote.kind == VoteKind::FistOfFive {
        result.push(' ');
        result.push_str(&fill(m.blocks, &[("n", &tally.blocks.to_string())]));
    }
    blocks.push(Block::Para(result));
    if by_side_withheld(&vote) {
        blocks.push(Block::Para(fill(
            m.by_side_withheld,
            &[("min", &MIN_SIDE_VOTERS.to_string())],
        )));
    }
}

/// The follow-up of earlier actions: what, who, agreed, due then, status now.
fn followup_table(
    record: &SessionRecord,
    actions: &[&ActionItem],
    lang: Lang,
    roster: &Roster,
) -> Table {
    let t = lang.text();
    let c = &t.records.columns;
    let m = &t.minutes;
    Table {
        head: vec![
            c[0].to_string(),
            c[1].to_string(),
            m.col_agreed.to_string(),
            c[2].to_string(),
            c[3].to_string(),
        ],
        rows: actions
            .iter()
            .map(|a| {
                let before = record
                    .carried_actions
                    .iter()
                    .find(|b| b.id == a.id)
                    .map_or(a.due, |b| b.due);
                let status = match a.status {
                    ActionStatus::Continued if a.due != before => fill(
                        m.status_continued_due,
                        &[("due", &words::due_text(lang, a.due))],
                    ),
                    status => words::status_text(lang, status).to_string(),
                };
                vec![
                    roster.scrub(&a.text),
                    roster.owner(&a.owner),
                    words::format_date(lang, a.agreed),
                    words::due_text(lang, before),
                    status,
                ]
            })
            .collect(),
        numeric: Vec::new(),
    }
}

/// Whole percentages of `parts` that add up to 100 (largest remainder), so a table's
/// shares never total 99 % or 101 %; `None` when the whole is 0.
pub fn percents(parts: &[u64]) -> Vec<Option<u64>> {
    let whole: u64 = parts.iter().sum();
    if whole == 0 {
        return vec![None; parts.len()];
    }
    let mut out: Vec<u64> = parts.iter().map(|p| p * 100 / whole).collect();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; ties go to the earlier part.
    order.sort_by_key(|i| std::cmp::Reverse(parts[*i] * 100 % whole));
    let missing = 100 - out.iter().sum::<u64>();
    for i in order.into_iter().take(missing as usize) {
        out[i] += 1;
    }
    out.into_iter().map(Some).collect()
}

fn participation_blocks(state: &crate::model::MeetingState, lang: Lang) -> Vec<Block> {
    let m = &lang.text().minutes;
    let p = metrics::participation(state);
    let pct = |n: Option<u64>| match n {
        Some(n) => fill(m.percent, &[("n", &n.to_string())]),
        None => "–".to_string(),
    };
    let seats = percents(&p.sides.map(|f| f.seats as u64));
    let airtime = percents(&p.sides.map(|f| f.airtime_ms));
    let student = Side::Student as usize;
    let mut blocks = vec![Block::Para(m.participation_intro.to_string())];
    if p.total.airtime_ms > 0 {
        blocks.push(Block::Para(fill(
            m.student_share,
            &[
                ("airtime", &pct(airtime[student])),
                ("seats", &pct(seats[student])),
            ],
        )));
    }
    let row = |name: String, f: &metrics::Figures, seat: Option<u64>, air: Option<u64>| {
        vec![
            name,
            f.seats.to_string(),
            pct(seat),
            words::duration(lang, f.airtime_ms),
            pct(air),
            f.turns.to_string(),
            f.passes.to_string(),
        ]
    };
    let mut rows: Vec<Vec<String>> = Side::ALL
        .iter()
        .filter(|side| {
            let f = &p.sides[**side as usize];
            f.seats > 0 || f.airtime_ms > 0 || f.turns > 0
        })
        .map(|side| {
            let i = *side as usize;
            row(
                i18n::side(lang, *side).to_string(),
                &p.sides[i],
                seats[i],
                airtime[i],
            )
        })
        .collect();
    let whole = |x: u64| (x > 0).then_some(100);
    rows.push(row(
        m.total.to_string(),
        &p.total,
        whole(p.total.seats as u64),
        whole(p.total.airtime_ms),
    ));
    blocks.push(Block::Table(Table {
        head: m
            .participation_columns
            .iter()
            .map(|s| s.to_string())
            .collect(),
        rows,
        numeric: (1..7).collect(),
    }));
    blocks.push(Block::Para(match p.equity {
        Some(e) => fill(m.equity, &[("value", &crate::i18n::decimal(lang, e, 2))]),
        None => m.no_airtime.to_string(),
    }));
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_add_up_to_a_hundred() {
        assert_eq!(percents(&[3, 5, 0]), [Some(38), Some(62), Some(0)]);
        assert_eq!(percents(&[1, 1, 1]), [Some(34), Some(33), Some(33)]);
        assert_eq!(percents(&[0, 0]), [None, None]);
    }
}
