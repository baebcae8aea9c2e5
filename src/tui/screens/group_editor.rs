//! Editing a group inside the app: its name, kind and site, and its members with their roles
//! and seating order. Every change is saved at once, like everything else in parvi.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::{self, fill};
use crate::model::group::{GroupError, MAX_NAME_CHARS};
use crate::model::{Group, GroupKind, Role};
use crate::tui::app::{Ctx, Effect, Next};
use crate::tui::keymap::Action;
use crate::tui::overlay::{Answer, Item, MemberRoleFor, Overlay, Prompt, Purpose};
use crate::tui::widgets::fit;

/// Rows before the members: name, kind, site.
const FIELDS: usize = 3;

/// The editor's state: the group as edited so far and the selected row.
#[derive(Debug, Clone)]
pub struct GroupEditor {
    pub group: Group,
    pub is_new: bool,
    /// 0 name, 1 kind, 2 site, then the members.
    pub cursor: usize,
}

impl GroupEditor {
    pub fn new(group: Group, is_new: bool) -> GroupEditor {
        GroupEditor {
            group,
            is_new,
            cursor: 0,
        }
    }

    fn member(&self) -> Option<usize> {
        self.cursor
            .checked_sub(FIELDS)
            .filter(|i| *i < self.group.members.len())
    }

    fn save(&self, cx: &mut Ctx) {
        cx.effect(Effect::SaveGroup(self.group.clone()));
    }

    fn explain(error: &GroupError, cx: &mut Ctx) {
        let t = cx.t();
        let text = match error {
            GroupError::EmptyName => t.err_empty_name.to_string(),
            GroupError::NameTooLong { max } => {
                fill(t.err_name_too_long, &[("max", &max.to_string())])
            }
            GroupError::DuplicateMember(name) => fill(t.err_duplicate_member, &[("name", name)]),
            GroupError::NoSuchMember(name) => fill(t.err_no_such_member, &[("name", name)]),
        };
        cx.error(text);
    }

    pub fn act(&mut self, action: Action, cx: &mut Ctx) -> Next {
        let t = cx.t();
        let rows = FIELDS + self.group.members.len();
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(rows - 1),
            Action::Back | Action::Quit => {
                cx.effect(Effect::Reload);
                return Next::Home;
            }
            Action::Edit | Action::Confirm => {
                return match self.cursor {
                    0 => Next::Open(Overlay::Prompt(Prompt::new(
                        t.group_name,
                        t.group_name_prompt,
                        &self.group.name,
                        Purpose::GroupName,
                        MAX_NAME_CHARS,
                    ))),
                    1 => {
                        let items = GroupKind::ALL
                            .iter()
                            .map(|k| Item::new(i18n::group_kind(cx.lang, *k), ""))
                            .collect();
                        let selected = GroupKind::ALL
                            .iter()
                            .position(|k| *k == self.group.kind)
                            .unwrap_or(0);
                        Next::Open(Overlay::picker(
                            t.group_kind_prompt,
                            items,
                            selected,
                            Purpose::GroupKind,
                        ))
                    }
                    2 => Next::Open(Overlay::Prompt(Prompt::new(
                        t.cli_site,
                        t.group_site_prompt,
                        &self.group.site,
                        Purpose::GroupSite,
                        MAX_NAME_CHARS,
                    ))),
                    _ => match self.member() {
                        Some(i) => Next::Open(Overlay::Prompt(Prompt::new(
                            t.member_name_prompt,
                            "",
                            &self.group.members[i].name,
                            Purpose::MemberName(Some(i)),
                            MAX_NAME_CHARS,
                        ))),
                        None => Next::Stay,
                    },
                };
            }
            Action::Add => {
                return Next::Open(Overlay::Prompt(Prompt::new(
                    t.key_add_member,
                    t.member_name_prompt,
                    "",
                    Purpose::MemberName(None),
                    MAX_NAME_CHARS,
                )));
            }
            Action::Remove => {
                if let Some(i) = self.member() {
                    let name = self.group.members[i].name.clone();
                    return Next::Open(Overlay::confirm(
                        fill(t.member_remove_confirm, &[("name", &name)]),
                        Purpose::RemoveMember(i),
                    ));
                }
            }
            Action::MoveUp | Action::MoveDown => {
                if let Some(i) = self.member() {
                    let step = if action == Action::MoveUp { -1 } else { 1 };
                    let id = self.group.members[i].id.0.clone();
                    if self.group.move_member(&id, step).is_ok() {
                        self.cursor = FIELDS
                            + self
                                .group
                                .members
                                .iter()
                                .position(|m| m.id.0 == id)
                                .unwrap_or(i);
                        self.save(cx);
                    }
                }
            }
            _ => {}
        }
        Next::Stay
    }

    pub fn answer(&mut self, purpose: Purpose, answer: Answer, cx: &mut Ctx) -> Next {
        let t = cx.t();
        let result = match (purpose, answer) {
            (Purpose::GroupName, Answer::Text(name)) => self.group.rename(&name),
            (Purpose::GroupSite, Answer::Text(site)) => {
                self.group.site = site;
                Ok(())
            }
            (Purpose::GroupKind, Answer::Picked(i)) => {
                self.group.kind = GroupKind::ALL.get(i).copied().unwrap_or(self.group.kind);
                if self.is_new {
                    // A new group goes on to its site and then its members.
                    self.is_new = false;
                    self.save(cx);
                    self.cursor = 2;
                    return self.act(Action::Edit, cx);
                }
                Ok(())
            }
            (Purpose::MemberName(None), Answer::Text(name)) => {
                if name.trim().is_empty() {
                    return Next::Stay;
                }
                return Next::Open(Overlay::roles(
                    cx,
                    t.member_role_prompt,
                    Some(Role::Student),
                    Purpose::MemberRole(MemberRoleFor::New(name)),
                ));
            }
            (Purpose::MemberName(Some(i)), Answer::Text(name)) => {
                let id = self
                    .group
                    .members
                    .get(i)
                    .map(|m| m.id.0.clone())
                    .unwrap_or_default();
                match self.group.edit_member(&id, Some(&name), None) {
                    Ok(()) => {
                        self.save(cx);
                        let role = self.group.members[i].role;
                        return Next::Open(Overlay::roles(
                            cx,
                            t.member_role_prompt,
                            Some(role),
                            Purpose::MemberRole(MemberRoleFor::Existing(i)),
                        ));
                    }
                    Err(e) => Err(e),
                }
            }
            (Purpose::MemberRole(MemberRoleFor::New(name)), Answer::Picked(r)) => {
                let role = Role::ALL.get(r).copied().unwrap_or(Role::Student);
                self.group.add_member(&name, role).map(|_| {
                    self.cursor = FIELDS + self.group.members.len() - 1;
                })
            }
            (Purpose::MemberRole(MemberRoleFor::Existing(i)), Answer::Picked(r)) => {
                let id = self
                    .group
                    .members
                    .get(i)
                    .map(|m| m.id.0.clone())
                    .unwrap_or_default();
                self.group.edit_member(&id, None, Role::ALL.get(r).copied())
            }
            (Purpose::RemoveMember(i), Answer::Yes) => {
                let id = self
                    .group
                    .members
                    .get(i)
                    .map(|m| m.id.0.clone())
                    .unwrap_or_default();
                self.group.remove_member(&id).map(|_| {
                    self.cursor = self
                        .cursor
                        .min(FIELDS + self.group.members.len())
                        .saturating_sub(usize::from(self.group.members.is_empty()));
                })
            }
            _ => return Next::Stay,
        };
        match result {
            Ok(()) => self.save(cx),
            Err(e) => GroupEditor::explain(&e, cx),
        }
        Next::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Ctx) {
        let t = cx.t();
        let theme = cx.theme;
        let width = area.width as usize;
        let label_width = 16usize;
        let mut lines = vec![
            Line::from(Span::styled(
                fit(&format!("{} · {}", t.group_title, self.group.name), width),
                theme.heading(),
            )),
            Line::default(),
        ];
        let row = |i: usize, label: &str, value: String| {
            let style = if self.cursor == i {
                theme.selected()
            } else {
                theme.text()
            };
            Line::from(vec![
                Span::styled(format!("{label:<label_width$}"), theme.quiet()),
                Span::styled(fit(&value, width.saturating_sub(label_width)), style),
            ])
        };
        lines.push(row(0, t.group_name, self.group.name.clone()));
        lines.push(row(
            1,
            t.cli_kind,
            i18n::group_kind(cx.lang, self.group.kind).to_string(),
        ));
        lines.push(row(2, t.cli_site, self.group.site.clone()));
        lines.push(Line::default());
        let seats = self.group.seats_by_side();
        let sides: Vec<String> = crate::model::Side::ALL
            .iter()
            .map(|s| format!("{} {}", i18n::side(cx.lang, *s), seats[*s as usize]))
            .collect();
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} ({}) ", t.cli_members, self.group.members.len()),
                theme.heading(),
            ),
            Span::styled(sides.join(" · "), theme.quiet()),
        ]));
        if self.group.members.is_empty() {
            lines.push(Line::from(Span::styled(t.group_no_members, theme.quiet())));
        }
        let visible = (area.height as usize).saturating_sub(lines.len());
        let member_cursor = self.cursor.saturating_sub(FIELDS);
        let start = member_cursor.saturating_sub(visible.saturating_sub(1));
        for (i, m) in self
            .group
            .members
            .iter()
            .enumerate()
            .skip(start)
            .take(visible)
        {
            let selected = self.cursor == FIELDS + i;
            let style = if selected {
                theme.selected()
            } else {
                theme.text()
            };
            let name = fit(&format!("{:>2}. {}", i + 1, m.name), (width / 2).max(20));
            let pad = (width / 2)
                .max(20)
                .saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()));
            lines.push(Line::from(vec![
                Span::styled(format!("{name}{}", " ".repeat(pad)), style),
                Span::styled(
                    fit(i18n::role(cx.lang, m.role), width / 2),
                    theme.side(m.side()),
                ),
            ]));
        }
        Paragraph::new(lines).render(area, buf);
    }
}
