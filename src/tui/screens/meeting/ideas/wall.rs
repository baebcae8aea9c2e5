//! The idea wall's layout, a pure function of the meeting and the area: which blocks it
//! shows (the numbered list, or themes with their ideas), how they wrap, and how they flow
//! into columns and onto pages (in big letters when a short list fits). Drawing and the
//! paging keys both lay the wall out here, so a key turns the pages the wall shows.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::model::outcomes::Idea;
use crate::model::{MeetingState, PhaseKind};
use crate::tui::app::Ctx;
use crate::tui::keymap::{Action, KeyContext};
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, wrap_words};

/// How the body shows the ideas now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Private writing: only how many ideas are written.
    Count,
    /// The numbered list.
    List,
    /// Themes with their ideas, then the ideas without a theme.
    Groups,
}

pub(super) fn mode(state: &MeetingState) -> Mode {
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
pub(super) fn visible(state: &MeetingState) -> impl Iterator<Item = &Idea> {
    state.live_ideas().filter(|i| !i.hidden)
}

pub(super) fn hidden_count(state: &MeetingState) -> usize {
    state.live_ideas().filter(|i| i.hidden).count()
}

/// Whether the running phase records who wrote an idea.
pub(super) fn attributed(state: &MeetingState) -> bool {
    state.current_phase().is_some_and(|p| p.attributed)
}

/// Whether the running phase keeps new ideas hidden.
pub(super) fn private(state: &MeetingState) -> bool {
    state.current_phase().is_some_and(|p| p.is_private())
}

/// One block of the wall.
pub(super) enum Entry<'a> {
    /// A theme's name (or "without a theme") over its ideas.
    Heading(String),
    /// A line of explanation (an empty theme, no themes yet).
    Note(String),
    Idea(&'a Idea),
}

/// The blocks of the wall in reading order, for the list or the themes.
pub(super) struct Wall<'a> {
    pub(super) entries: Vec<Entry<'a>>,
    /// The entry of each idea, in the order they are shown (the selection's order).
    pub(super) ideas: Vec<usize>,
    /// Digits of the largest number, so the numbers line up.
    pub(super) digits: usize,
    /// Writers' names are shown (the phase records them).
    names: bool,
    state: &'a MeetingState,
}

impl<'a> Wall<'a> {
    pub(super) fn new(state: &'a MeetingState, mode: Mode, cx: &Ctx) -> Wall<'a> {
        let t = &cx.t().ideas;
        let mut entries = Vec::new();
        match mode {
            Mode::Count => {}
            Mode::List => entries.extend(visible(state).map(Entry::Idea)),
            Mode::Groups => {
                if state.themes.is_empty() && cx.audience {
                    entries.push(Entry::Note(cx.t().wall.no_themes.to_string()));
                } else if state.themes.is_empty() {
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
    pub(super) fn order(&self) -> Vec<u32> {
        self.ideas
            .iter()
            .filter_map(|&e| match self.entries[e] {
                Entry::Idea(idea) => Some(idea.id),
                _ => None,
            })
            .collect()
    }

    /// The lines of entry `e` in a column `width` wide.
    pub(super) fn lines(
        &self,
        e: usize,
        width: u16,
        selected: bool,
        theme: Theme,
    ) -> Vec<Line<'static>> {
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
    pub(super) fn author(&self, e: usize) -> Option<&str> {
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
    pub(super) fn big(&self, e: usize, chars: usize) -> Option<Vec<(String, String)>> {
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
pub(super) const GAP: u16 = 3;
const MAX_COLUMNS: u16 = 4;

/// Rows and columns of a letter in big letters (the 8×8 font in quadrant blocks).
pub(super) const BIG_ROWS: u16 = 4;
pub(super) const BIG_COLUMNS: u16 = 4;
/// Big letters only with at least this many letters to a line.
const BIG_MIN_CHARS: u16 = 14;

/// How the wall is laid out in an area: columns of entries, on pages.
pub(super) struct Plan {
    pub(super) width: u16,
    pub(super) spaced: bool,
    /// The ideas in big letters.
    pub(super) big: bool,
    /// Page, column, entries.
    pub(super) pages: Vec<Vec<Vec<usize>>>,
}

impl Plan {
    /// The most readable layout: a short list in big letters when it fits on one page;
    /// else a blank line between ideas in the fewest columns that hold them all; else the
    /// same without blank lines; else as many columns as fit, without blank lines, paged.
    pub(super) fn of(wall: &Wall, area: Rect, theme: Theme) -> Plan {
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

    pub(super) fn page_of(&self, entry: usize) -> usize {
        self.pages
            .iter()
            .position(|page| page.iter().any(|column| column.contains(&entry)))
            .unwrap_or(0)
    }
}

/// The blank rows before entry `e` in a column whose last entry is `previous`.
pub(super) fn gap_before(wall: &Wall, e: usize, previous: Option<usize>, spaced: bool) -> u16 {
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

/// blank.
pub(super) fn list_area(area: Rect) -> Rect {
    Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    }
}
