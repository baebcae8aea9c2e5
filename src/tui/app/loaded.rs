//! What the event loop reports back to the app: data read, meetings saved or loaded, reads
//! on the background thread finished, and failures to say.

use std::path::PathBuf;

use super::{App, Data, Effect, Screen};
use crate::model::SessionRecord;
use crate::tui::background::Finished;
use crate::tui::screens::meeting::MeetingView;
use crate::tui::screens::review::Review;
use crate::tui::screens::review::trend::TrendData;
use crate::tui::screens::setup::Setup;

impl App {
    /// The data directory was (re)read.
    pub fn set_data(&mut self, data: Data) {
        self.cx.data = data;
        match &mut self.screen {
            Screen::Home(home) => home.clamp(&self.cx),
            Screen::Review(review) => review.set_data(&self.cx),
            _ => {}
        }
    }

    /// A meeting was saved, or saving failed with `error`. Off the meeting screen (the last
    /// save of an ended meeting) a failure is still said, never swallowed.
    pub fn saved(&mut self, error: Option<String>) {
        match &mut self.screen {
            Screen::Meeting(view) => view.saved(error),
            _ => {
                if let Some(reason) = error {
                    let text =
                        crate::i18n::fill(self.cx.t().meeting_not_saved, &[("reason", &reason)]);
                    self.cx.error(text);
                }
            }
        }
    }

    /// A meeting file was loaded to resume.
    pub fn resume(&mut self, record: SessionRecord, path: PathBuf) {
        let view = MeetingView::resume(record, path, &mut self.cx);
        self.screen = Screen::Meeting(Box::new(view));
    }

    /// Starts a meeting straight away (`parvi run`).
    pub fn start_meeting(
        &mut self,
        group: usize,
        format: usize,
        topic: &str,
        carried: Vec<crate::model::outcomes::ActionItem>,
    ) {
        if self.cx.data.groups.get(group).is_some() && self.cx.data.formats.get(format).is_some() {
            let next = Setup::straight(&mut self.cx, group, format, topic, carried);
            self.go(next);
        }
    }

    /// A group's open actions were read (for the meeting being set up).
    pub fn set_open_actions(
        &mut self,
        group_id: &str,
        actions: Vec<crate::model::outcomes::ActionItem>,
    ) {
        if let Screen::Setup(setup) = &mut self.screen
            && self
                .cx
                .data
                .groups
                .get(setup.group)
                .is_some_and(|g| g.id == group_id)
        {
            setup.carried = actions;
        }
    }

    /// A meeting file was loaded to look at: its view in the review (from the home screen,
    /// a view whose Esc goes home).
    pub fn show_session(&mut self, record: SessionRecord) {
        match &mut self.screen {
            Screen::Review(review) => review.show_session(record),
            _ => {
                let review = Review::session_from_home(record, &self.cx);
                self.screen = Screen::Review(Box::new(review));
            }
        }
    }

    /// The meetings' searchable text was read (for the review's search).
    pub fn set_search(&mut self, index: crate::store::search::SearchIndex) {
        if let Screen::Review(review) = &mut self.screen {
            review.set_search(index, &self.cx);
        }
    }

    /// A read on a background thread finished.
    pub fn finished(&mut self, finished: Finished) {
        use crate::tui::background::Job;
        match finished {
            Finished::Sessions(list) => {
                self.cx.reading_sessions = false;
                let mut data = self.cx.data.clone();
                data.sessions = list.summaries;
                data.problems.extend(list.problems);
                self.set_data(data);
                // An archive opened on the first frame's short list searches the full one.
                if matches!(self.screen, Screen::Review(_)) {
                    self.cx.effect(Effect::LoadSearch);
                }
            }
            Finished::Group { group, data } => self.group_loaded(&group, *data),
            Finished::Failed(job) => {
                self.report(self.cx.t().review.read_failed.to_string());
                match job {
                    Job::Sessions => self.cx.reading_sessions = false,
                    // The trends page says what could not be read instead of waiting forever.
                    Job::Group(group) => {
                        let unreadable = self
                            .cx
                            .data
                            .sessions
                            .iter()
                            .filter(|s| s.group_id == group)
                            .count();
                        let mut data = TrendData::default();
                        data.unreadable = unreadable;
                        self.group_loaded(&group, data);
                    }
                }
            }
        }
    }

    /// A group's meetings were read (for its trends in the review).
    pub fn group_loaded(&mut self, group_id: &str, data: TrendData) {
        if let Screen::Review(review) = &mut self.screen {
            review.group_loaded(group_id, data);
        }
    }

    /// A file the loop was asked to open could not be read.
    pub fn report(&mut self, message: String) {
        self.cx.error(message);
    }
}
