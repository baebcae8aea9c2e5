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
            Action::Edit | Action::Confirm => return self.edit_selected(cx),
            Action::Add => {
                return text_prompt(
                    t.key_add_member,
                    t.member_name_prompt,
                    "",
                    Purpose::MemberName(None),
                );
            }
            Action::Remove => {
                if let Some(i) = self.member() {
                    let name = &self.group.members[i].name;
                    return Next::Open(Overlay::confirm(
                        fill(t.member_remove_confirm, &[("name", name)]),
                        Purpose::RemoveMember(i),
                    ));
                }
            }
            Action::MoveUp => self.move_member(-1, cx),
            Action::MoveDown => self.move_member(1, cx),
            _ => {}
        }
        Next::Stay
    }

    /// The dialog that changes the selected row: a field's prompt or picker, or a member's
    /// name.
    fn edit_selected(&self, cx: &Ctx) -> Next {
        let t = cx.t();
        match self.cursor {
            0 => text_prompt(
                t.group_name,
                t.group_name_prompt,
                &self.group.name,
                Purpose::GroupName,
            ),
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
            2 => text_prompt(
                t.cli_site,
                t.group_site_prompt,
                &self.group.site,
                Purpose::GroupSite,
            ),
            _ => match self.member() {
                Some(i) => text_prompt(
                    t.member_name_prompt,
                    "",
                    &self.group.members[i].name,
                    Purpose::MemberName(Some(i)),
                ),
                None => Next::Stay,
            },
        }
    }

    /// Moves the selected member one seat earlier (`step` -1) or later (1), the selection
    /// with them, and saves.
    fn move_member(&mut self, step: isize, cx: &mut Ctx) {
        let Some(i) = self.member() else {
            return;
        };
        let id = self.member_id(i);
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

    pub fn answer(&mut self, purpose: Purpose, answer: Answer, cx: &mut Ctx) -> Next {
        let result = match (purpose, answer) {
            (Purpose::GroupName, Answer::Text(name)) => self.group.rename(&name),
            (Purpose::GroupSite, Answer::Text(site)) => {
                self.group.site = site;
                Ok(())
            }
            (Purpose::GroupKind, Answer::Picked(i)) => return self.kind_picked(i, cx),
            (Purpose::MemberName(None), Answer::Text(name)) => {
                if name.trim().is_empty() {
                    return Next::Stay;
                }
                return role_picker(cx, Role::Student, MemberRoleFor::New(name));
            }
            (Purpose::MemberName(Some(i)), Answer::Text(name)) => {
                return self.rename_member(i, &name, cx);
            }
            (Purpose::MemberRole(MemberRoleFor::New(name)), Answer::Picked(r)) => {
                let role = Role::ALL.get(r).copied().unwrap_or(Role::Student);
                self.group.add_member(&name, role).map(|_| {
                    self.cursor = FIELDS + self.group.members.len() - 1;
                })
            }
            (Purpose::MemberRole(MemberRoleFor::Existing(i)), Answer::Picked(r)) => {
                let id = self.member_id(i);
                self.group.edit_member(&id, None, Role::ALL.get(r).copied())
            }
            (Purpose::RemoveMember(i), Answer::Yes) => self.remove_member(i),
            _ => return Next::Stay,
        };
        self.save_or_explain(result, cx);
        Next::Stay
    }

    /// Saves a change that worked, or says why it did not.
    fn save_or_explain(&self, result: Result<(), GroupError>, cx: &mut Ctx) {
        match result {
            Ok(()) => self.save(cx),
            Err(e) => GroupEditor::explain(&e, cx),
        }
    }

    /// The group's kind was picked. A new group goes on to its site and then its members.
    fn kind_picked(&mut self, i: usize, cx: &mut Ctx) -> Next {
        self.group.kind = GroupKind::ALL.get(i).copied().unwrap_or(self.group.kind);
        self.save(cx);
        if self.is_new {
            self.is_new = false;
            self.cursor = 2;
            return self.act(Action::Edit, cx);
        }
        Next::Stay
    }

    /// Member `i` was given a new name: saved, then their role is asked.
    fn rename_member(&mut self, i: usize, name: &str, cx: &mut Ctx) -> Next {
        let id = self.member_id(i);
        if let Err(e) = self.group.edit_member(&id, Some(name), None) {
            GroupEditor::explain(&e, cx);
            return Next::Stay;
        }
        self.save(cx);
        let role = self.group.members[i].role;
        role_picker(cx, role, MemberRoleFor::Existing(i))
    }

    /// Removes member `i`, keeping the selection on a row that is still there.
    fn remove_member(&mut self, i: usize) -> Result<(), GroupError> {
        let id = self.member_id(i);
        self.group.remove_member(&id).map(|_| {
            self.cursor = self
                .cursor
                .min(FIELDS + self.group.members.len())
                .saturating_sub(usize::from(self.group.members.is_empty()));
        })
    }

    /// Member `i`'s id (empty when there is no such member: the group then refuses the edit).
    fn member_id(&self, i: usize) -> String {
        self.group
            .members
            .get(i)
            .map(|m| m.id.0.clone())
            .unwrap_or_default()
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

/// A one-line field for a name or a site, at most [`MAX_NAME_CHARS`] long.
fn text_prompt(title: &str, hint: &str, value: &str, purpose: Purpose) -> Next {
    Next::Open(Overlay::Prompt(Prompt::new(
        title,
        hint,
        value,
        purpose,
        MAX_NAME_CHARS,
    )))
}

/// The picker of a member's role, `current` selected.
fn role_picker(cx: &Ctx, current: Role, member: MemberRoleFor) -> Next {
    Next::Open(Overlay::roles(
        cx,
        cx.t().member_role_prompt,
        Some(current),
        Purpose::MemberRole(member),
    ))
}
