//! The memo's numbered items: the opening, one item per agenda phase (breaks are left
//! out) with what the phase produced, and the closing.

use super::votes::vote_blocks;
use super::{Block, Memo, Section};
use crate::i18n::words;
use crate::i18n::{self, fill};
use crate::model::outcomes::{ActionItem, Idea};
use crate::model::{Phase, PhaseKind};

impl Memo<'_> {
    /// The opening, one item per agenda phase but the breaks, and the closing, numbered.
    pub(super) fn items(&self) -> Vec<Section> {
        let m = self.m();
        let number = |n: usize| fill(m.item_number, &[("n", &n.to_string())]);
        let mut items = vec![Section {
            number: Some(number(1)),
            title: Some(m.opening_title.to_string()),
            blocks: vec![Block::Para(fill(
                m.opening_text,
                &[("time", &self.clock(self.start))],
            ))],
        }];
        for (i, phase) in self.state().agenda.iter().enumerate() {
            if phase.kind == PhaseKind::Break {
                continue;
            }
            items.push(Section {
                number: Some(number(items.len() + 1)),
                title: Some(self.roster.scrub(phase.title.get(self.lang))),
                blocks: self.phase_blocks(i, phase),
            });
        }
        let last_at = self.trace.last_at.unwrap_or(self.start);
        let closing = match self.record.ended_at() {
            Some(end) => fill(m.closing_text, &[("time", &self.clock(end))]),
            None => fill(m.closing_unfinished, &[("time", &self.clock(last_at))]),
        };
        items.push(Section {
            number: Some(number(items.len() + 1)),
            title: Some(m.closing_title.to_string()),
            blocks: vec![Block::Para(closing)],
        });
        items
    }

    /// Agenda item `i`: its prompt, then what it produced, or that it was not handled.
    fn phase_blocks(&self, i: usize, phase: &Phase) -> Vec<Block> {
        let mut blocks = Vec::new();
        let prompt = phase.prompt.get(self.lang).trim();
        if !prompt.is_empty() {
            blocks.push(Block::Prompt(self.roster.scrub(prompt)));
        }
        let visited = self.state().progress.get(i).is_some_and(|p| p.visits > 0);
        let before = blocks.len();
        if phase.kind.has_turns() {
            self.turn_blocks(&mut blocks, i);
        }
        if phase.takes_ideas() {
            self.idea_blocks(&mut blocks, i, phase.kind, visited);
        }
        if phase.kind == PhaseKind::Grouping {
            self.theme_blocks(&mut blocks);
        }
        for vote in self.state().votes.iter().filter(|v| v.phase == i) {
            vote_blocks(&mut blocks, vote, self.lang, &self.roster);
        }
        self.decision_blocks(&mut blocks, i, phase.kind, visited);
        self.action_blocks(&mut blocks, i, phase.kind, visited);
        self.followup_blocks(&mut blocks, i, phase.kind, visited);
        self.clock_blocks(&mut blocks, i, phase.kind, visited);
        if !visited && blocks.len() == before {
            blocks.push(Block::Para(self.m().not_handled.to_string()));
        }
        blocks
    }

    /// Turns and passes, the speaking order of the rounds, and the turn notes (never with
    /// names).
    fn turn_blocks(&self, blocks: &mut Vec<Block>, i: usize) {
        let (lang, m, state) = (self.lang, self.m(), self.state());
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
        if turns.is_empty() {
            return;
        }
        let passes = turns.iter().filter(|(passed, _)| *passed).count();
        let mut line = fill(
            m.turns_line,
            &[
                ("turns", &(turns.len() - passes).to_string()),
                ("passes", &passes.to_string()),
            ],
        );
        if let Some(rules) = self.trace.round_rules.get(&i) {
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
            .filter_map(|(_, note)| note.map(|n| self.roster.scrub(n)))
            .collect();
        if !notes.is_empty() {
            blocks.push(Block::List {
                label: Some(m.label_notes.to_string()),
                items: notes,
            });
        }
    }

    /// The ideas written in item `i`, grouped by theme when any has one; how many are still
    /// hidden; or that none were written.
    fn idea_blocks(&self, blocks: &mut Vec<Block>, i: usize, kind: PhaseKind, visited: bool) {
        let m = self.m();
        let mine: Vec<&Idea> = self
            .state()
            .ideas
            .iter()
            .filter(|idea| idea.phase == i && idea.live())
            .collect();
        let hidden = mine.iter().filter(|idea| idea.hidden).count();
        let shown: Vec<&Idea> = mine.iter().copied().filter(|idea| !idea.hidden).collect();
        if shown.iter().any(|idea| idea.theme.is_some()) {
            blocks.push(Block::Groups {
                label: Some(m.label_ideas.to_string()),
                groups: self.ideas_by_theme(&shown),
            });
        } else if !shown.is_empty() {
            blocks.push(Block::List {
                label: Some(m.label_ideas.to_string()),
                items: shown.iter().map(|idea| self.idea_text(idea)).collect(),
            });
        }
        if hidden > 0 {
            blocks.push(Block::Para(fill(
                m.hidden_ideas,
                &[("n", &hidden.to_string())],
            )));
        }
        if visited && mine.is_empty() && kind != PhaseKind::Grouping {
            blocks.push(Block::Para(m.no_ideas.to_string()));
        }
    }

    /// The ideas under their themes, in theme order, then those in no theme.
    fn ideas_by_theme(&self, shown: &[&Idea]) -> Vec<(String, Vec<String>)> {
        let themes = &self.state().themes;
        let mut groups: Vec<(String, Vec<String>)> = themes
            .iter()
            .map(|theme| {
                (
                    self.roster.scrub(&theme.name),
                    shown
                        .iter()
                        .filter(|idea| idea.theme == Some(theme.id))
                        .map(|idea| self.idea_text(idea))
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, ideas)| !ideas.is_empty())
            .collect();
        let loose: Vec<String> = shown
            .iter()
            .filter(|idea| {
                idea.theme
                    .is_none_or(|id| !themes.iter().any(|t| t.id == id))
            })
            .map(|idea| self.idea_text(idea))
            .collect();
        if !loose.is_empty() {
            groups.push((self.m().no_theme.to_string(), loose));
        }
        groups
    }

    /// An idea's text, with its author where the phase recorded names.
    fn idea_text(&self, idea: &Idea) -> String {
        let text = self.roster.scrub(&idea.text);
        match &idea.author {
            Some(author) => format!("{text} ({})", self.roster.label(author)),
            None => text,
        }
    }

    /// The themes that hold an idea, with how many each holds.
    fn theme_blocks(&self, blocks: &mut Vec<Block>) {
        let state = self.state();
        let themes: Vec<String> = state
            .themes
            .iter()
            .filter_map(|theme| {
                let n = state
                    .live_ideas()
                    .filter(|idea| idea.theme == Some(theme.id))
                    .count();
                (n > 0).then(|| format!("{} ({n})", self.roster.scrub(&theme.name)))
            })
            .collect();
        if !themes.is_empty() {
            blocks.push(Block::List {
                label: Some(self.m().themes_line.trim_end_matches(':').to_string()),
                items: themes,
            });
        }
    }

    /// The decisions recorded in item `i`, with their basis and review date.
    fn decision_blocks(&self, blocks: &mut Vec<Block>, i: usize, kind: PhaseKind, visited: bool) {
        let (lang, state) = (self.lang, self.state());
        let records = &lang.text().records;
        let here = state
            .decisions
            .iter()
            .filter(|d| self.places.decision(&self.trace, d.id) == i);
        for d in here {
            let mut details: Vec<String> = d
                .basis
                .iter()
                .map(|b| words::basis_text(state, b, lang, |text| self.roster.scrub(text)))
                .collect();
            if let Some(review) = d.review {
                details.push(fill(
                    records.review_on,
                    &[("date", &words::format_date(lang, review))],
                ));
            }
            details.extend(words::origin_text(lang, d.origin));
            blocks.push(Block::Entry {
                label: fill(records.decision_label, &[("n", &d.id.to_string())]),
                text: self.roster.scrub(&d.text),
                details,
            });
        }
        if state.decisions.is_empty() && visited && kind == PhaseKind::Decisions {
            blocks.push(Block::Para(self.m().no_decisions.to_string()));
        }
    }

    /// How many actions were agreed in item `i`: they are listed in the actions table.
    fn action_blocks(&self, blocks: &mut Vec<Block>, i: usize, kind: PhaseKind, visited: bool) {
        let (m, state) = (self.m(), self.state());
        let actions = state
            .actions
            .iter()
            .filter(|a| self.places.action(&self.trace, &a.id) == i)
            .count();
        if actions > 0 {
            blocks.push(Block::Para(fill(
                m.actions_here,
                &[("n", &actions.to_string())],
            )));
        } else if state.actions.is_empty() && visited && kind == PhaseKind::Actions {
            blocks.push(Block::Para(m.no_actions.to_string()));
        }
    }

    /// Earlier meetings' actions followed up in item `i`.
    fn followup_blocks(&self, blocks: &mut Vec<Block>, i: usize, kind: PhaseKind, visited: bool) {
        let state = self.state();
        let followed: Vec<&ActionItem> = state
            .carried
            .iter()
            .filter(|a| self.places.followup(&self.trace, a) == Some(i))
            .collect();
        if !followed.is_empty() {
            blocks.push(Block::Table(self.followup_table(&followed)));
        } else if kind == PhaseKind::ReviewActions && visited && state.carried.is_empty() {
            let records = &self.lang.text().records;
            blocks.push(Block::Para(records.no_carried.to_string()));
        }
    }
}
