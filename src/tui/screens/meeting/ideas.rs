//! Ideas on the wall: silent writing (shown only as a count until revealed), the numbered
//! list of ideas (add, edit, remove, merge; paged when there are many), and grouping ideas
//! into named themes.
//!
//! Typing is fast: one key opens the text field, Enter adds the idea and opens the field
//! again for the next one, Esc (or Enter on an empty field) stops. In a private phase the
//! field shows bullets, and the wall shows only how many ideas have been written until the
//! facilitator reveals them. Where the phase records names, the writer is asked after the
//! text (the people present, or anonymous).
//!
//! On the wall every idea keeps its number (its id, which never changes), the text wraps
//! under it with a hanging indent, and the list flows into as many columns as the width
//! allows, then onto pages. The selection (for edit, remove, merge, putting into a theme)
//! always lies on the page shown: the page is the selection's page.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::model::engine::MAX_TEXT_CHARS;
use crate::model::outcomes::Idea;
use crate::model::{Command, MeetingState, MemberId, PhaseKind};
use crate::tui::app::{Ctx, Next};
use crate::tui::keymap::{Action, Binding, Key, KeyContext, binding};
use crate::tui::overlay::{Answer, Item, Overlay, Prompt, Purpose};
use crate::tui::screens::meeting::MeetingView;
use crate::tui::screens::meeting::{PhaseAsk, PhaseUi};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, big_text, countdown, fit, wrap_words};

/// What a dialog of this module was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdeasAsk {
    /// The text of a new idea.
    Add,
    /// Who wrote the new idea `text`: one of `people`, or anonymous (the item after them).
    Author {
        text: String,
        people: Vec<MemberId>,
    },
    Edit(u32),
    Remove(u32),
    /// Idea `from` goes into one of `into` (in picker order).
    Merge {
        from: u32,
        into: Vec<u32>,
    },
    Reveal,
    /// The theme of idea `idea`: one of `themes`, then "no theme", then "new theme".
    SetTheme {
        idea: u32,
        themes: Vec<u32>,
    },
    /// The name of a new theme, and the idea to put into it.
    NewTheme {
        idea: Option<u32>,
    },
    /// Which of these themes to rename.
    RenameWhich(Vec<u32>),
    /// The new name of this theme.
    Rename(u32),
}

/// The screen-only state: which idea is selected (the page shown is the one it is on).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdeasUi {
    /// The agenda item (and its visit) this state belongs to; another one starts afresh.
    pub phase: Option<(usize, u32)>,
    /// The selected idea, as a position in the order the ideas are shown.
    pub selected: usize,
    /// The writer picked last (`Some(None)`: anonymous), offered first for the next idea so
    /// that a stack of one person's notes goes fast.
    pub last_author: Option<Option<MemberId>>,
}

/// Writing and showing ideas.
const LIST: &[Binding] = &[
    binding(
        &[Key::Enter, Key::Char('i')],
        Action::Add,
        |t| t.ideas.key_add,
        true,
    ),
    binding(
        &[Key::Char('r')],
        Action::Reveal,
        |t| t.ideas.key_reveal,
        true,
    ),
    binding(&[Key::Char('e')], Action::Edit, |t| t.ideas.key_edit, true),
    binding(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.ideas.key_remove,
        true,
    ),
    binding(
        &[Key::Char('m')],
        Action::Merge,
        |t| t.ideas.key_merge,
        true,
    ),
    binding(
        &[Key::Left],
        Action::PagePrev,
        |t| t.ideas.key_page_prev,
        true,
    ),
    binding(
        &[Key::Right],
        Action::PageNext,
        |t| t.ideas.key_page_next,
        true,
    ),
    binding(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    binding(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.key_down,
        false,
    ),
];

/// Grouping: Enter puts the selected idea into a theme; editing the ideas is still at hand
/// (listed in the help, not in the footer).
const GROUPING: &[Binding] = &[
    binding(
        &[Key::Enter],
        Action::Confirm,
        |t| t.ideas.key_to_theme,
        true,
    ),
    binding(
        &[Key::Char('t')],
        Action::NewTheme,
        |t| t.ideas.key_new_theme,
        true,
    ),
    binding(
        &[Key::Char('T')],
        Action::RenameTheme,
        |t| t.ideas.key_rename_theme,
        true,
    ),
    binding(&[Key::Char('i')], Action::Add, |t| t.ideas.key_add, true),
    binding(
        &[Key::Char('r')],
        Action::Reveal,
        |t| t.ideas.key_reveal,
        true,
    ),
    binding(
        &[Key::Left],
        Action::PagePrev,
        |t| t.ideas.key_page_prev,
        true,
    ),
    binding(
        &[Key::Right],
        Action::PageNext,
        |t| t.ideas.key_page_next,
        true,
    ),
    binding(&[Key::Char('e')], Action::Edit, |t| t.ideas.key_edit, false),
    binding(
        &[Key::Char('x'), Key::Delete],
        Action::Remove,
        |t| t.ideas.key_remove,
        false,
    ),
    binding(
        &[Key::Char('m')],
        Action::Merge,
        |t| t.ideas.key_merge,
        false,
    ),
    binding(&[Key::Up, Key::Char('k')], Action::Up, |t| t.key_up, false),
    binding(
        &[Key::Down, Key::Char('j')],
        Action::Down,
        |t| t.key_down,
        false,
    ),
];

/// This module's part of the keymap for a context.
pub fn keys(context: KeyContext) -> &'static [Binding] {
    match context {
        KeyContext::MeetingGrouping => GROUPING,
        _ => LIST,
    }
}

// ---- what the wall shows ---------------------------------------------------------------

/// How the body shows the ideas now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Private writing: only how many ideas are written.
    Count,
    /// The numbered list.
    List,
    /// Themes with their ideas, then the ideas without a theme.
    Groups,
}

fn mode(state: &MeetingState) -> Mode {
    let Some(phase) = state.current_phase() else {
        return Mode::List;
    };
    if phase.kind == PhaseKind::Grouping {
        return Mode::Groups;
    }
    if phase.is_private() && (hidden_count(state) > 0 || visible(state).next().is_none()) {
        Mode::Count
    } else {
        Mode::List
    }
}

/// Ideas that may be on the wall: live and not hidden.
fn visible(state: &MeetingState) -> impl Iterator<Item = &Idea> {
    state.live_ideas().filter(|i| !i.hidden)
}

fn hidden_count(state: &MeetingState) -> usize {
    state.live_ideas().filter(|i| i.hidden).count()
}

/// Whether the running phase records who wrote an idea.
fn attributed(state: &MeetingState) -> bool {
    state.current_phase().is_some_and(|p| p.attributed)
}

/// Whether the running phase keeps new ideas hidden.
fn private(state: &MeetingState) -> bool {
    state.current_phase().is_some_and(|p| p.is_private())
}

/// One block of the wall.
enum Entry<'a> {
    /// A theme's name (or "without a theme") over its ideas.
    Heading(String),
    /// A line of explanation (an empty theme, no themes yet).
    Note(String),
    Idea(&'a Idea),
}

/// The blocks of the wall in reading order, for the list or the themes.
struct Wall<'a> {
    entries: Vec<Entry<'a>>,
    /// The entry of each idea, in the order they are shown (the selection's order).
    ideas: Vec<usize>,
    /// Digits of the largest number, so the numbers line up.
    digits: usize,
    /// Writers' names are shown (the phase records them).
    names: bool,
    state: &'a MeetingState,
}

impl<'a> Wall<'a> {
    fn new(state: &'a MeetingState, mode: Mode, cx: &Ctx) -> Wall<'a> {
        let t = &cx.t().ideas;
        let mut entries = Vec::new();
        match mode {
            Mode::Count => {}
            Mode::List => entries.extend(visible(state).map(Entry::Idea)),
            Mode::Groups => {
                if state.themes.is_empty() {
                    let key = cx.key_for(KeyContext::MeetingGrouping, Action::NewTheme);
                    entries.push(Entry::Note(fill(t.no_themes, &[("key", &key)])));
                }
                for theme in &state.themes {
                    let ideas: Vec<&Idea> = visible(state)
                        .filter(|i| i.theme == Some(theme.id))
                        .collect();
                    entries.push(Entry::Heading(format!("{} ({})", theme.name, ideas.len())));
                    if ideas.is_empty() {
                        entries.push(Entry::Note(t.theme_empty.to_string()));
                    }
                    entries.extend(ideas.into_iter().map(Entry::Idea));
                }
                let has_theme = |i: &Idea| {
                    i.theme
                        .is_some_and(|id| state.themes.iter().any(|t| t.id == id))
                };
                let loose: Vec<&Idea> = visible(state).filter(|i| !has_theme(i)).collect();
                if !loose.is_empty() {
                    entries.push(Entry::Heading(format!("{} ({})", t.unthemed, loose.len())));
                    entries.extend(loose.into_iter().map(Entry::Idea));
                }
            }
        }
        let ideas = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Entry::Idea(_)))
            .map(|(i, _)| i)
            .collect();
        Wall {
            entries,
            ideas,
            digits: state.ideas.len().max(1).to_string().len(),
            names: attributed(state),
            state,
        }
    }

    /// The ideas' numbers in the order they are shown.
    fn order(&self) -> Vec<u32> {
        self.ideas
            .iter()
            .filter_map(|&e| match self.entries[e] {
                Entry::Idea(idea) => Some(idea.id),
                _ => None,
            })
            .collect()
    }

    /// The lines of entry `e` in a column `width` wide.
    fn lines(&self, e: usize, width: u16, selected: bool, theme: Theme) -> Vec<Line<'static>> {
        let width = width as usize;
        let indent = self.digits + 1;
        match &self.entries[e] {
            Entry::Heading(text) => wrap_words(text, width)
                .into_iter()
                .map(|part| {
                    Line::from(Span::styled(
                        part,
                        theme.heading().add_modifier(Modifier::UNDERLINED),
                    ))
                })
                .collect(),
            Entry::Note(text) => wrap_words(text, width.saturating_sub(indent).max(1))
                .into_iter()
                .map(|part| {
                    Line::from(vec![
                        Span::raw(" ".repeat(indent)),
                        Span::styled(part, theme.quiet()),
                    ])
                })
                .collect(),
            Entry::Idea(idea) => {
                let text_width = width.saturating_sub(indent).max(1);
                let (number_style, text_style) = if selected {
                    (theme.selected(), theme.selected())
                } else {
                    (theme.key(), theme.heading())
                };
                let parts = wrap_words(&idea.text, text_width);
                let last_width = parts.last().map_or(0, |p| p.width());
                let mut lines: Vec<Line<'static>> = parts
                    .into_iter()
                    .enumerate()
                    .map(|(n, part)| {
                        let number = if n == 0 {
                            format!("{:>w$}", idea.id, w = self.digits)
                        } else {
                            " ".repeat(self.digits)
                        };
                        Line::from(vec![
                            Span::styled(number, number_style),
                            Span::styled(" ", number_style),
                            Span::styled(part, text_style),
                        ])
                    })
                    .collect();
                if let Some(name) = self.author(e) {
                    let tag = format!("– {name}");
                    if last_width + 2 + tag.width() <= text_width {
                        if let Some(last) = lines.last_mut() {
                            last.push_span(Span::raw("  "));
                            last.push_span(Span::styled(tag, theme.quiet()));
                        }
                    } else {
                        lines.push(Line::from(vec![
                            Span::raw(" ".repeat(indent)),
                            Span::styled(fit(&tag, text_width), theme.quiet()),
                        ]));
                    }
                }
                lines
            }
        }
    }

    fn heights(&self, width: u16, theme: Theme) -> Vec<u16> {
        (0..self.entries.len())
            .map(|e| self.lines(e, width, false, theme).len() as u16)
            .collect()
    }

    /// The writer's name of idea `e`, where names are shown.
    fn author(&self, e: usize) -> Option<&str> {
        match &self.entries[e] {
            Entry::Idea(idea) if self.names => idea
                .author
                .as_ref()
                .and_then(|id| self.state.person(id))
                .map(|p| p.name.as_str()),
            _ => None,
        }
    }

    /// Idea `e` in big letters `chars` to a line: (number or indent, text) per line; `None`
    /// when it is not an idea, the font lacks a letter, or a word does not fit on a line.
    fn big(&self, e: usize, chars: usize) -> Option<Vec<(String, String)>> {
        let Entry::Idea(idea) = &self.entries[e] else {
            return None;
        };
        let room = chars.checked_sub(self.digits + 1)?;
        let font = |c: char| (' '..='~').contains(&c) || ('\u{a0}'..='\u{ff}').contains(&c);
        if room == 0
            || !idea.text.chars().all(font)
            || idea
                .text
                .split_whitespace()
                .any(|w| w.chars().count() > room)
        {
            return None;
        }
        Some(
            wrap_words(&idea.text, room)
                .into_iter()
                .enumerate()
                .map(|(n, part)| {
                    let prefix = if n == 0 {
                        format!("{:>w$} ", idea.id, w = self.digits)
                    } else {
                        " ".repeat(self.digits + 1)
                    };
                    (prefix, part)
                })
                .collect(),
        )
    }

    /// Heights in big letters `chars` to a line, if every entry can be drawn so.
    fn big_heights(&self, chars: usize) -> Option<Vec<u16>> {
        (0..self.entries.len())
            .map(|e| {
                let rows = self.big(e, chars)?.len() as u16 * BIG_ROWS;
                Some(rows + u16::from(self.author(e).is_some()))
            })
            .collect()
    }
}

/// Columns are at least this wide (a short line still holds a few words).
const MIN_COLUMN: u16 = 34;
/// Blank columns between two columns.
const GAP: u16 = 3;
const MAX_COLUMNS: u16 = 4;

/// Rows and columns of a letter in big letters (the 8×8 font in quadrant blocks).
const BIG_ROWS: u16 = 4;
const BIG_COLUMNS: u16 = 4;
/// Big letters only with at least this many letters to a line.
const BIG_MIN_CHARS: u16 = 14;

/// How the wall is laid out in an area: columns of entries, on pages.
struct Plan {
    width: u16,
    spaced: bool,
    /// The ideas in big letters.
    big: bool,
    /// Page, column, entries.
    pages: Vec<Vec<Vec<usize>>>,
}

impl Plan {
    /// The most readable layout: a short list in big letters when it fits on one page;
    /// else a blank line between ideas in the fewest columns that hold them all; else the
    /// same without blank lines; else as many columns as fit, without blank lines, paged.
    fn of(wall: &Wall, area: Rect, theme: Theme) -> Plan {
        let big_column = BIG_MIN_CHARS * BIG_COLUMNS;
        let max_big = ((area.width + GAP) / (big_column + GAP)).min(2);
        for columns in 1..=max_big {
            let width = (area.width - GAP * (columns - 1)) / columns;
            if let Some(heights) = wall.big_heights((width / BIG_COLUMNS) as usize) {
                let pages = pack(wall, &heights, columns as usize, area.height, true);
                if pages.len() <= 1 && !wall.ideas.is_empty() {
                    return Plan {
                        width,
                        spaced: true,
                        big: true,
                        pages,
                    };
                }
            }
        }
        let max_columns = ((area.width + GAP) / (MIN_COLUMN + GAP)).clamp(1, MAX_COLUMNS);
        let mut plan = Plan {
            width: area.width,
            spaced: false,
            big: false,
            pages: Vec::new(),
        };
        for spaced in [true, false] {
            for columns in 1..=max_columns {
                let width = (area.width.saturating_sub(GAP * (columns - 1)) / columns).max(1);
                let heights = wall.heights(width, theme);
                plan = Plan {
                    width,
                    spaced,
                    big: false,
                    pages: pack(wall, &heights, columns as usize, area.height, spaced),
                };
                if plan.pages.len() <= 1 {
                    return plan;
                }
            }
        }
        plan
    }

    fn page_of(&self, entry: usize) -> usize {
        self.pages
            .iter()
            .position(|page| page.iter().any(|column| column.contains(&entry)))
            .unwrap_or(0)
    }
}

/// The blank rows before entry `e` in a column whose last entry is `previous`.
fn gap_before(wall: &Wall, e: usize, previous: Option<usize>, spaced: bool) -> u16 {
    match previous {
        None => 0,
        Some(p) => match (&wall.entries[p], &wall.entries[e]) {
            (_, Entry::Heading(_)) => 1,
            (Entry::Heading(_), _) => 0,
            _ => u16::from(spaced),
        },
    }
}

/// Fills columns of `height` rows top to bottom, then the next column, then the next page.
/// An entry is never split; a heading stays with the entry under it.
fn pack(
    wall: &Wall,
    heights: &[u16],
    columns: usize,
    height: u16,
    spaced: bool,
) -> Vec<Vec<Vec<usize>>> {
    let mut pages = vec![vec![Vec::new(); columns]];
    let (mut column, mut used) = (0usize, 0u16);
    for e in 0..wall.entries.len() {
        let own = heights[e].min(height);
        let with_next = match wall.entries[e] {
            Entry::Heading(_) if e + 1 < heights.len() => own + heights[e + 1],
            _ => own,
        }
        .min(height);
        let last = pages
            .last()
            .and_then(|p| p.get(column))
            .and_then(|c| c.last().copied());
        if last.is_some() && used + gap_before(wall, e, last, spaced) + with_next > height {
            column += 1;
            used = 0;
            if column >= columns {
                pages.push(vec![Vec::new(); columns]);
                column = 0;
            }
        }
        let Some(col) = pages.last_mut().and_then(|p| p.get_mut(column)) else {
            break;
        };
        used += gap_before(wall, e, col.last().copied(), spaced) + own;
        col.push(e);
    }
    pages
}

// ---- keys --------------------------------------------------------------------------------

fn purpose(ask: IdeasAsk) -> Purpose {
    Purpose::Phase(PhaseAsk::Ideas(ask))
}

/// The running agenda item and its visit.
fn phase_key(state: &MeetingState) -> Option<(usize, u32)> {
    let p = state.phase?;
    Some((p, state.progress.get(p)?.visits))
}

/// This phase's screen state, if it has any yet.
fn ui(view: &MeetingView) -> Option<&IdeasUi> {
    match &view.phase_ui {
        PhaseUi::Ideas(ui) if ui.phase == phase_key(view.state()) => Some(ui),
        _ => None,
    }
}

/// This phase's screen state, made when missing or left over from another phase.
fn ui_mut(view: &mut MeetingView) -> &mut IdeasUi {
    let phase = phase_key(view.state());
    if !matches!(&view.phase_ui, PhaseUi::Ideas(ui) if ui.phase == phase) {
        view.phase_ui = PhaseUi::Ideas(IdeasUi {
            phase,
            ..IdeasUi::default()
        });
    }
    match &mut view.phase_ui {
        PhaseUi::Ideas(ui) => ui,
        _ => unreachable!("set just above"),
    }
}

/// The selection as a position in `len` ideas.
fn selected(view: &MeetingView, len: usize) -> usize {
    ui(view)
        .map_or(0, |ui| ui.selected)
        .min(len.saturating_sub(1))
}

/// Selects idea `id` where it is shown now.
fn select(view: &mut MeetingView, id: u32, cx: &Ctx) {
    let state = view.state();
    let order = Wall::new(state, mode(state), cx).order();
    if let Some(at) = order.iter().position(|&i| i == id) {
        ui_mut(view).selected = at;
    }
}

/// Handles an action, the meeting being drawn in `area`, or returns `None` when it is not
/// this module's.
pub fn act(view: &mut MeetingView, action: Action, area: Rect, cx: &mut Ctx) -> Option<Next> {
    if !keys(view.context()).iter().any(|b| b.action == action) {
        return None;
    }
    ui_mut(view);
    let t = &cx.t().ideas;
    let state = view.state();
    let mode = mode(state);
    let order = Wall::new(state, mode, cx).order();
    let at = selected(view, order.len());
    // Only ideas on the wall can be acted on: nothing of a hidden idea leaks into a dialog.
    let current = order.get(at).copied();
    let next = match (action, current) {
        (Action::Add, _) => add_prompt(view, cx),
        (Action::Reveal, _) => {
            let hidden = hidden_count(view.state());
            if hidden == 0 {
                // The engine explains that nothing is hidden.
                view.run(Command::RevealIdeas, cx);
                Next::Stay
            } else {
                Next::Open(Overlay::confirm(
                    fill(t.reveal_confirm, &[("count", &hidden.to_string())]),
                    purpose(IdeasAsk::Reveal),
                ))
            }
        }
        (Action::Edit, Some(id)) => {
            let text = state.idea(id).map_or("", |i| i.text.as_str());
            Next::Open(Overlay::Prompt(Prompt::new(
                &fill(t.edit_title, &[("n", &id.to_string())]),
                "",
                text,
                purpose(IdeasAsk::Edit(id)),
                MAX_TEXT_CHARS,
            )))
        }
        (Action::Remove, Some(id)) => {
            let text = state.idea(id).map_or("", |i| i.text.as_str());
            Next::Open(Overlay::confirm(
                fill(
                    t.remove_confirm,
                    &[("n", &id.to_string()), ("text", &fit(text, 120))],
                ),
                purpose(IdeasAsk::Remove(id)),
            ))
        }
        (Action::Merge, Some(from)) if order.len() >= 2 => {
            let into: Vec<u32> = order.iter().copied().filter(|&i| i != from).collect();
            // Each idea under the number the wall shows, which is also the digit that picks it.
            let items = into
                .iter()
                .filter_map(|&id| state.idea(id))
                .map(|i| (Some(i.id), Item::new(i.text.clone(), "")))
                .collect();
            Next::Open(Overlay::numbered(
                &fill(t.merge_title, &[("n", &from.to_string())]),
                items,
                0,
                purpose(IdeasAsk::Merge { from, into }),
            ))
        }
        (Action::Confirm, Some(idea)) => theme_picker(view, idea, cx),
        (Action::NewTheme, _) => new_theme_prompt(None, cx),
        (Action::RenameTheme, _) => rename(view, current, cx),
        (Action::Up, _) => {
            ui_mut(view).selected = at.saturating_sub(1);
            Next::Stay
        }
        (Action::Down, _) => {
            ui_mut(view).selected = (at + 1).min(order.len().saturating_sub(1));
            Next::Stay
        }
        (Action::PagePrev | Action::PageNext, _) => {
            if let Some(first) = page_turn(view, action == Action::PageNext, area, cx) {
                ui_mut(view).selected = first;
            }
            Next::Stay
        }
        _ => Next::Stay,
    };
    Some(next)
}

/// The first idea (a position in the shown order) on the page before or after the
/// selection's page, if there is one, the meeting being drawn in `area`.
fn page_turn(view: &MeetingView, forward: bool, area: Rect, cx: &Ctx) -> Option<usize> {
    let state = view.state();
    let wall = Wall::new(state, mode(state), cx);
    let plan = Plan::of(&wall, list_area(view.phase_area(area, cx)), cx.theme);
    let at = selected(view, wall.ideas.len());
    let page = wall.ideas.get(at).map_or(0, |&e| plan.page_of(e));
    let target = if forward {
        page + 1
    } else {
        page.checked_sub(1)?
    };
    let first = plan
        .pages
        .get(target)?
        .iter()
        .flatten()
        .find(|e| matches!(wall.entries[**e], Entry::Idea(_)))?;
    wall.ideas.iter().position(|e| e == first)
}

/// The text field for the next idea (masked where the phase is private).
fn add_prompt(view: &MeetingView, cx: &Ctx) -> Next {
    let t = &cx.t().ideas;
    let state = view.state();
    let number = state.ideas.len() + 1;
    let secret = private(state);
    let prompt = Prompt::new(
        &fill(t.add_title, &[("n", &number.to_string())]),
        if secret {
            t.add_hint_secret
        } else {
            t.add_hint
        },
        "",
        purpose(IdeasAsk::Add),
        MAX_TEXT_CHARS,
    );
    // Letters typed on after the field closes (Esc, or Enter on an empty field) are the
    // writer's, not commands: `x` would remove an idea, `r` reveal the private ones.
    let key = cx.key_for(view.context(), Action::Add);
    let prompt = prompt.guarded(fill(t.field_closed, &[("key", &key)]));
    Next::Open(Overlay::Prompt(if secret {
        prompt.masked()
    } else {
        prompt
    }))
}

/// Adds an idea; on success selects it and opens the field for the next one.
fn add(view: &mut MeetingView, text: String, author: Option<MemberId>, cx: &mut Ctx) -> Next {
    if !view.run(Command::AddIdea { text, author }, cx) {
        return Next::Stay;
    }
    let id = view.state().ideas.len() as u32;
    select(view, id, cx);
    add_prompt(view, cx)
}

/// Where to put idea `idea`: the themes, "no theme", "+ new theme". Without themes yet,
/// straight to naming the first one.
fn theme_picker(view: &MeetingView, idea: u32, cx: &Ctx) -> Next {
    let t = &cx.t().ideas;
    let state = view.state();
    if state.themes.is_empty() {
        return new_theme_prompt(Some(idea), cx);
    }
    let mut items: Vec<Item> = state
        .themes
        .iter()
        .map(|theme| {
            let count = visible(state).filter(|i| i.theme == Some(theme.id)).count();
            Item::new(theme.name.clone(), count_text(count, cx))
        })
        .collect();
    items.push(Item::new(t.no_theme, ""));
    items.push(Item::new(t.new_theme_item, ""));
    let current = state.idea(idea).and_then(|i| i.theme);
    let at = state
        .themes
        .iter()
        .position(|theme| Some(theme.id) == current)
        .unwrap_or(0);
    Next::Open(Overlay::picker(
        &fill(t.theme_title, &[("n", &idea.to_string())]),
        items,
        at,
        purpose(IdeasAsk::SetTheme {
            idea,
            themes: state.themes.iter().map(|theme| theme.id).collect(),
        }),
    ))
}

fn new_theme_prompt(idea: Option<u32>, cx: &Ctx) -> Next {
    Next::Open(Overlay::Prompt(Prompt::new(
        cx.t().ideas.new_theme_title,
        "",
        "",
        purpose(IdeasAsk::NewTheme { idea }),
        MAX_TEXT_CHARS,
    )))
}

/// Renaming a theme: the only one straight away, else a picker (the selected idea's theme
/// first in line).
fn rename(view: &MeetingView, current: Option<u32>, cx: &mut Ctx) -> Next {
    let t = &cx.t().ideas;
    let state = view.state();
    match state.themes.as_slice() {
        [] => {
            let key = cx.key_for(KeyContext::MeetingGrouping, Action::NewTheme);
            cx.info(fill(t.no_themes, &[("key", &key)]));
            Next::Stay
        }
        [only] => rename_prompt(only.id, &only.name, cx),
        themes => {
            let theme_of_selected = current.and_then(|id| state.idea(id)).and_then(|i| i.theme);
            let at = themes
                .iter()
                .position(|theme| Some(theme.id) == theme_of_selected)
                .unwrap_or(0);
            let items = themes
                .iter()
                .map(|theme| Item::new(theme.name.clone(), ""))
                .collect();
            Next::Open(Overlay::picker(
                t.rename_which,
                items,
                at,
                purpose(IdeasAsk::RenameWhich(themes.iter().map(|t| t.id).collect())),
            ))
        }
    }
}

fn rename_prompt(theme: u32, name: &str, cx: &Ctx) -> Next {
    Next::Open(Overlay::Prompt(Prompt::new(
        cx.t().ideas.rename_title,
        "",
        name,
        purpose(IdeasAsk::Rename(theme)),
        MAX_TEXT_CHARS,
    )))
}

/// Puts an idea into a theme (or out of one). An idea taken from the pile without a theme
/// passes the selection on to the next one in the pile, so the pile is worked through.
fn set_theme(view: &mut MeetingView, idea: u32, theme: Option<u32>, cx: &mut Ctx) {
    let state = view.state();
    let themed = |i: &Idea| {
        i.theme
            .is_some_and(|id| state.themes.iter().any(|t| t.id == id))
    };
    let pile: Vec<u32> = visible(state)
        .filter(|i| !themed(i))
        .map(|i| i.id)
        .collect();
    let follow = pile.iter().position(|&i| i == idea).and_then(|at| {
        pile.get(at + 1)
            .or_else(|| at.checked_sub(1).and_then(|before| pile.get(before)))
            .copied()
    });
    if view.run(Command::SetTheme { idea, theme }, cx) {
        let next = match (theme, follow) {
            (Some(_), Some(next)) => next,
            _ => idea,
        };
        select(view, next, cx);
    }
}

/// A dialog this module opened was answered.
pub fn answer(view: &mut MeetingView, ask: IdeasAsk, answer: Answer, cx: &mut Ctx) -> Next {
    ui_mut(view);
    let t = &cx.t().ideas;
    match (ask, answer) {
        (IdeasAsk::Add, Answer::Text(text)) if !text.is_empty() => {
            let state = view.state();
            if !attributed(state) {
                return add(view, text, None, cx);
            }
            let present: Vec<_> = state.present().collect();
            let mut items: Vec<Item> = present
                .iter()
                .map(|p| Item::new(p.name.clone(), crate::i18n::role(cx.lang, p.role)))
                .collect();
            items.push(Item::new(t.anonymous, ""));
            let people: Vec<MemberId> = present.iter().map(|p| p.id.clone()).collect();
            let number = state.ideas.len() + 1;
            let at = match ui(view).and_then(|ui| ui.last_author.as_ref()) {
                Some(Some(last)) => people.iter().position(|p| p == last).unwrap_or(0),
                Some(None) => people.len(),
                None => 0,
            };
            return Next::Open(Overlay::picker(
                &fill(t.author_title, &[("n", &number.to_string())]),
                items,
                at,
                purpose(IdeasAsk::Author { text, people }),
            ));
        }
        (IdeasAsk::Author { text, people }, Answer::Picked(i)) => {
            let author = people.get(i).cloned();
            ui_mut(view).last_author = Some(author.clone());
            return add(view, text, author, cx);
        }
        // An unchanged text is not an edit (no event); an empty one removes nothing.
        (IdeasAsk::Edit(id), Answer::Text(text))
            if !text.is_empty() && view.state().idea(id).is_some_and(|i| i.text != text) =>
        {
            view.run(Command::EditIdea { idea: id, text }, cx);
        }
        (IdeasAsk::Remove(id), Answer::Yes) => {
            view.run(Command::RemoveIdea(id), cx);
        }
        (IdeasAsk::Merge { from, into }, Answer::Picked(i)) => {
            if let Some(&target) = into.get(i)
                && view.run(Command::MergeIdeas { into: target, from }, cx)
            {
                select(view, target, cx);
                cx.info(fill(
                    t.merged,
                    &[("from", &from.to_string()), ("into", &target.to_string())],
                ));
            }
        }
        (IdeasAsk::Reveal, Answer::Yes) => {
            view.run(Command::RevealIdeas, cx);
        }
        (IdeasAsk::SetTheme { idea, themes }, Answer::Picked(i)) => match themes.get(i) {
            Some(&theme) => set_theme(view, idea, Some(theme), cx),
            None if i == themes.len() => set_theme(view, idea, None, cx),
            None => return new_theme_prompt(Some(idea), cx),
        },
        (IdeasAsk::NewTheme { idea }, Answer::Text(name)) if !name.is_empty() => {
            if view.run(Command::AddTheme(name), cx)
                && let Some(idea) = idea
                && let Some(theme) = view.state().themes.last().map(|t| t.id)
            {
                set_theme(view, idea, Some(theme), cx);
            }
        }
        (IdeasAsk::RenameWhich(themes), Answer::Picked(i)) => {
            if let Some(theme) = themes
                .get(i)
                .and_then(|id| view.state().themes.iter().find(|t| t.id == *id))
            {
                return rename_prompt(theme.id, &theme.name, cx);
            }
        }
        (IdeasAsk::Rename(theme), Answer::Text(name)) if !name.is_empty() => {
            view.run(Command::RenameTheme { theme, name }, cx);
        }
        _ => {}
    }
    Next::Stay
}

/// Whether an action can do something now (for the footer), the meeting being drawn in
/// `area`.
pub fn offers(view: &MeetingView, action: Action, area: Rect, cx: &Ctx) -> bool {
    let writable = cx.data.access.is_writable();
    let state = view.state();
    let ideas = Wall::new(state, mode(state), cx).ideas.len();
    match action {
        Action::Add | Action::NewTheme => writable,
        Action::Reveal => writable && hidden_count(state) > 0,
        Action::Edit | Action::Remove | Action::Confirm => writable && ideas > 0,
        Action::Merge => writable && ideas >= 2,
        Action::RenameTheme => writable && !state.themes.is_empty(),
        Action::Up | Action::Down => ideas > 1,
        Action::PagePrev | Action::PageNext => {
            page_turn(view, action == Action::PageNext, area, cx).is_some()
        }
        _ => true,
    }
}

// ---- drawing -----------------------------------------------------------------------------

/// "1 idea", "12 ideas".
fn count_text(count: usize, cx: &Ctx) -> String {
    let t = &cx.t().ideas;
    if count == 1 {
        t.ideas_one.to_string()
    } else {
        fill(t.ideas_many, &[("count", &count.to_string())])
    }
}

/// The phase's clock: its time, its label and its style (as the other phases show it).
fn phase_clock(state: &MeetingState, cx: &Ctx) -> (String, &'static str, Style) {
    let t = cx.t();
    let theme = cx.theme;
    let now = cx.now().mono_ms;
    match state.phase_remaining(now) {
        Some(r) if r <= 0 => (countdown(r), t.meeting_phase_over, theme.overrun()),
        Some(r) if r <= 60_000 => (countdown(r), t.meeting_phase_left, theme.warning()),
        Some(r) => (countdown(r), t.meeting_phase_left, theme.text()),
        None => (
            widgets::clock(state.phase_elapsed(now)),
            t.meeting_phase_time,
            theme.text(),
        ),
    }
}

/// One centred line.
fn centred(text: &str, style: Style, area: Rect, y: u16, buf: &mut Buffer) {
    if y < area.bottom() {
        Paragraph::new(Line::from(Span::styled(
            fit(text, area.width as usize),
            style,
        )))
        .alignment(Alignment::Center)
        .render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// Draws the phase's body.
pub fn render(view: &MeetingView, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let state = view.state();
    match mode(state) {
        Mode::Count => render_count(state, area, buf, cx),
        mode => render_wall(view, mode, area, buf, cx),
    }
}

/// Private writing: how many ideas are written, big, and the phase's clock; no text.
fn render_count(state: &MeetingState, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let t = &cx.t().ideas;
    let theme = cx.theme;
    let hidden = hidden_count(state);
    let shown = visible(state).count();
    let number = hidden.to_string();
    let label = if hidden == 1 {
        t.written_one
    } else {
        t.written_many
    };
    let hint = if hidden > 0 {
        let key = cx.key_for(KeyContext::MeetingWriting, Action::Reveal);
        fill(t.private_hint, &[("key", &key)])
    } else {
        let key = cx.key_for(KeyContext::MeetingWriting, Action::Add);
        fill(t.private_start, &[("key", &key)])
    };
    let hint = wrap_words(&hint, area.width as usize);
    let (clock, clock_label, clock_style) = phase_clock(state, cx);
    // The label, a blank, the hint, what is already shown, a blank, the clock's label.
    let fixed = 1 + 1 + hint.len() as u16 + u16::from(shown > 0) + 1 + 1;
    let (count_rows, clock_rows) = [(16, 8), (8, 8), (8, 4), (8, 0), (4, 4), (4, 0), (1, 0)]
        .into_iter()
        .map(|(count, clock_rows)| {
            (
                widgets::big_rows(&number, area, count),
                if clock_rows > 0 {
                    widgets::big_rows(&clock, area, clock_rows)
                } else {
                    0
                },
            )
        })
        .find(|(count, clock)| count + clock + fixed <= area.height)
        .unwrap_or((1, 0));
    let block = count_rows + clock_rows + fixed;
    let mut y = area.y + area.height.saturating_sub(block) / 3;
    let row = |y: u16, h: u16| Rect::new(area.x, y, area.width, h).intersection(area);
    y += big_text(
        &number,
        theme.current(),
        row(y, count_rows),
        count_rows,
        buf,
    );
    centred(label, theme.heading(), area, y, buf);
    y += 2;
    for line in &hint {
        centred(line, theme.text(), area, y, buf);
        y += 1;
    }
    if shown > 0 {
        let text = fill(t.already_shown, &[("count", &shown.to_string())]);
        centred(&text, theme.quiet(), area, y, buf);
        y += 1;
    }
    y += 1;
    if clock_rows > 0 {
        y += big_text(&clock, clock_style, row(y, clock_rows), clock_rows, buf);
        centred(clock_label, clock_style, area, y, buf);
    } else {
        centred(
            &format!("{clock_label}  {clock}"),
            clock_style,
            area,
            y,
            buf,
        );
    }
}

/// Where the list (or the themes) goes in the phase's `area`: under the status line and a
/// blank.
fn list_area(area: Rect) -> Rect {
    Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    }
}

/// The numbered list, or the themes: a status line, then the selection's page.
fn render_wall(view: &MeetingView, mode: Mode, area: Rect, buf: &mut Buffer, cx: &Ctx) {
    let t = &cx.t().ideas;
    let theme = cx.theme;
    let state = view.state();
    let wall = Wall::new(state, mode, cx);
    let list = list_area(area);
    let plan = Plan::of(&wall, list, theme);
    let at = selected(view, wall.ideas.len());
    let selected_entry = wall.ideas.get(at).copied();
    let page = selected_entry.map_or(0, |e| plan.page_of(e));

    // Status: how many ideas (and how many hidden) on the left; the page and the clock on
    // the right.
    let width = area.width as usize;
    let hidden = hidden_count(state);
    let mut left = count_text(visible(state).count(), cx);
    if hidden > 0 {
        let key = cx.key_for(view.context(), Action::Reveal);
        left.push_str("  ·  ");
        left.push_str(&fill(
            t.hidden_note,
            &[("count", &hidden.to_string()), ("key", &key)],
        ));
    }
    let (clock, clock_label, clock_style) = phase_clock(state, cx);
    let page_text = (plan.pages.len() > 1).then(|| {
        fill(
            t.page,
            &[
                ("n", &(page + 1).to_string()),
                ("total", &plan.pages.len().to_string()),
            ],
        )
    });
    let mut right = vec![];
    if let Some(page_text) = &page_text {
        right.push(Span::styled(page_text.clone(), theme.heading()));
        right.push(Span::raw("   "));
    }
    let long_clock = format!("{clock_label} {clock}");
    let room = |clock: &str| {
        width.saturating_sub(page_text.as_ref().map_or(0, |p| p.width() + 3) + clock.width())
    };
    let clock_text = if room(&long_clock) >= left.width().min(24) + 2 {
        long_clock
    } else {
        clock
    };
    let left_room = room(&clock_text).saturating_sub(2);
    right.push(Span::styled(clock_text, clock_style));
    let status = Rect { height: 1, ..area };
    Paragraph::new(Line::from(Span::styled(
        fit(&left, left_room),
        theme.heading(),
    )))
    .render(status, buf);
    Paragraph::new(Line::from(right))
        .alignment(Alignment::Right)
        .render(status, buf);

    if wall.entries.is_empty() {
        let text = if hidden > 0 {
            let key = cx.key_for(view.context(), Action::Reveal);
            fill(t.private_hint, &[("key", &key)])
        } else {
            let key = cx.key_for(view.context(), Action::Add);
            fill(t.empty, &[("key", &key)])
        };
        let lines: Vec<Line> = wrap_words(&text, width)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.heading())))
            .collect();
        Paragraph::new(lines).alignment(Alignment::Center).render(
            Rect {
                height: list.height.min(4),
                y: list.y + list.height / 3,
                ..list
            },
            buf,
        );
        return;
    }

    let Some(columns) = plan.pages.get(page) else {
        return;
    };
    for (c, entries) in columns.iter().enumerate() {
        let x = list.x + c as u16 * (plan.width + GAP);
        let mut y = list.y;
        let mut previous = None;
        for &e in entries {
            y += gap_before(&wall, e, previous, plan.spaced);
            previous = Some(e);
            let selected = Some(e) == selected_entry;
            if plan.big {
                y = draw_big(
                    &wall,
                    e,
                    Rect::new(x, y, plan.width, list.bottom().saturating_sub(y)),
                    selected,
                    cx,
                    buf,
                );
                continue;
            }
            for line in wall.lines(e, plan.width, selected, theme) {
                if y >= list.bottom() {
                    break;
                }
                line.render(Rect::new(x, y, plan.width, 1), buf);
                y += 1;
            }
        }
    }
}

/// Draws idea `e` in big letters from the top of `area`; returns the row under it.
fn draw_big(wall: &Wall, e: usize, area: Rect, selected: bool, cx: &Ctx, buf: &mut Buffer) -> u16 {
    let theme = cx.theme;
    let (number_style, text_style) = if selected {
        (theme.selected(), theme.selected())
    } else {
        (theme.key(), theme.heading())
    };
    let mut y = area.y;
    let parts = wall
        .big(e, (area.width / BIG_COLUMNS) as usize)
        .unwrap_or_default();
    for (prefix, part) in parts {
        if y + BIG_ROWS > area.bottom() {
            return area.bottom();
        }
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .lines(vec![Line::from(vec![
                Span::styled(prefix, number_style),
                Span::styled(part, text_style),
            ])])
            .build()
            .render(Rect::new(area.x, y, area.width, BIG_ROWS), buf);
        y += BIG_ROWS;
    }
    if let Some(name) = wall.author(e)
        && y < area.bottom()
    {
        let indent = (wall.digits as u16 + 1) * BIG_COLUMNS;
        let width = area.width.saturating_sub(indent);
        Paragraph::new(Line::from(Span::styled(
            fit(&format!("– {name}"), width as usize),
            theme.quiet(),
        )))
        .render(Rect::new(area.x + indent, y, width, 1), buf);
        y += 1;
    }
    y
}
