//! The memo's header (the memo's number, when and where, the topic and the format, who was
//! there and who was not) and its footer.

use std::collections::BTreeMap;

use super::Memo;
use crate::i18n::words;
use crate::i18n::{self, fill};
use crate::model::Role;

impl Memo<'_> {
    /// "Muistio 3/2026" when the caller knows the meeting's number, else "Muistio".
    pub(super) fn memo_kind(&self) -> String {
        let m = self.m();
        match self.options.number {
            Some(n) => fill(
                m.memo_numbered,
                &[
                    ("n", &n.to_string()),
                    ("year", &self.date().year().to_string()),
                ],
            ),
            None => m.memo.to_string(),
        }
    }

    /// The labelled lines under the title: time, place, topic, format and attendance.
    pub(super) fn meta(&self) -> Vec<(String, String)> {
        let (m, record, roster) = (self.m(), self.record, &self.roster);
        let mut meta = vec![(m.label_time.to_string(), self.time_line())];
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
            roster.scrub(record.format.title.get(self.lang)),
        ));
        meta.push((m.label_present.to_string(), self.attendance(false, true)));
        meta.push((m.label_absent.to_string(), self.attendance(false, false)));
        if roster.people.iter().any(|p| p.guest) {
            meta.push((m.label_others.to_string(), self.attendance(true, true)));
        }
        meta
    }

    /// Weekday, date and the meeting's times; a second date when it ended on another day.
    fn time_line(&self) -> String {
        let (lang, m, start) = (self.lang, self.m(), self.start);
        let date = self.date();
        let weekday_date = words::weekday_date(lang, date);
        let weekday = weekday_date
            .split_once(' ')
            .map_or(String::new(), |(w, _)| w.to_string());
        let date_text = words::format_date(lang, date);
        match self.record.ended_at() {
            Some(end) => {
                let end_date = end.to_zoned_datetime(self.options.zone.clone()).date();
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
                        ("start", &self.clock(start)),
                        ("end_date", &words::format_date(lang, end_date)),
                        ("end", &self.clock(end)),
                    ],
                )
            }
            None => fill(
                m.time_open,
                &[
                    ("weekday", &weekday),
                    ("date", &date_text),
                    ("start", &self.clock(start)),
                ],
            ),
        }
    }

    /// Members (or guests) who were there at some point (`present`) or never: named with
    /// their role and any late arrival or early leaving, or counted per role where names
    /// are hidden.
    fn attendance(&self, guests: bool, present: bool) -> String {
        let (lang, m, roster) = (self.lang, self.m(), &self.roster);
        let mut named: Vec<String> = Vec::new();
        let mut counted: BTreeMap<usize, usize> = BTreeMap::new();
        for p in roster.people.iter().filter(|p| p.guest == guests) {
            let seen = self.trace.presence.get(&p.id).copied().unwrap_or_default();
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
                notes.push(fill(m.arrived, &[("time", &self.clock(at))]));
            }
            if let Some(at) = seen.left {
                notes.push(fill(m.left, &[("time", &self.clock(at))]));
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
    }

    /// The lines under the memo: what kind of group, privacy, retention, the meeting's id.
    pub(super) fn footer(&self) -> Vec<String> {
        let m = self.m();
        let mut footer = vec![
            fill(
                m.footer_kind,
                &[("kind", i18n::group_kind(self.lang, self.record.group.kind))],
            ),
            m.footer_privacy.to_string(),
            m.footer_retention.to_string(),
        ];
        if self.options.public {
            footer.push(m.footer_public.to_string());
        }
        footer.push(fill(m.footer_made, &[("id", &self.record.id.to_string())]));
        footer
    }
}
