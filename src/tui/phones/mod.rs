//! Phones in a meeting: the link between the phone server (`crate::net`) and the app's loop.
//!
//! A phone's request takes one of two ways. What it reads (its page, whether anything
//! changed) is answered on the server's thread from the [`Board`], a snapshot the loop
//! publishes after every change, so sixty phones asking every few seconds never wake the
//! meeting. What it sends (an idea, its edit or withdrawal) goes to the loop as a
//! [`PhoneMessage`]; the loop turns it into the same engine command a key gives, marked as
//! from a phone, saves the meeting, and only then answers "received".

mod page;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::mpsc::{self, Sender, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::model::format::{Localized, PhaseKind};
use crate::model::role::Side;
use crate::model::vote::{Ballot, VoteKind};
use crate::model::{MeetingState, Status};
use crate::net::http::Response;
use crate::net::{Handler, PhoneId, PhoneRequest, PhoneServer};

use super::input::Sent;

/// How long a phone's request waits for the loop. A save takes milliseconds (sixty phones
/// at once: under a second); the wait is long because an answer given up on is not a
/// request taken back: the loop still applies it, and a phone told "try again" would send
/// its idea twice.
const ANSWER_WITHIN: Duration = Duration::from_secs(30);

/// What a phone asks the meeting to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneInput {
    AddIdea(String),
    EditIdea {
        idea: u32,
        text: String,
    },
    WithdrawIdea(u32),
    /// A ballot in the open vote (number `vote`); a phone's second one replaces its first.
    Ballot {
        vote: u32,
        /// `None`: the voter would rather not say.
        side: Option<Side>,
        ballot: Ballot,
    },
}

/// The open vote as a phone votes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneVote {
    pub id: u32,
    pub kind: VoteKind,
    pub options: Vec<String>,
    pub budget: u32,
    pub cap: u32,
}

/// Why a phone's input was not taken, as far as the phone can do something about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Not open now (the item moved on, the vote closed, the idea was revealed).
    NotOpen,
    /// More dots than the budget.
    OverBudget,
    /// More dots on one option than the cap.
    OverCap,
    /// A ballot that does not fit the vote (a value off its scale).
    BadBallot,
    /// As many ballots as people present: the facilitator can mark more present.
    EveryoneVoted,
}

/// How the meeting took it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneOutcome {
    /// Applied and saved.
    Received,
    /// Not taken: the page says why, and shows what is open.
    Refused(Why),
    /// Applied but not saved (the disk): the phone should try again.
    NotSaved,
}

/// A phone's request on its way to the loop, with where to send the answer.
#[derive(Debug)]
pub struct PhoneMessage {
    pub phone: PhoneId,
    pub input: PhoneInput,
    pub reply: SyncSender<PhoneOutcome>,
}

/// What phones are shown, as the loop last published it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Board {
    /// Changes whenever anything below does, so a page knows to reload.
    pub rev: u64,
    /// The meeting's topic.
    pub topic: String,
    /// The running item's title and prompt, when one runs.
    pub title: Localized,
    pub prompt: Localized,
    /// Ideas can be sent now; `Some(private)` where they stay hidden until revealed.
    pub writing: Option<bool>,
    /// Each phone's own ideas it may still change: (number, text).
    pub mine: HashMap<PhoneId, Vec<(u32, String)>>,
    /// The open vote, if one is.
    pub vote: Option<PhoneVote>,
    /// Each phone's ballot in the open vote, as it may still change it.
    pub ballots: HashMap<PhoneId, (Option<Side>, Ballot)>,
}

impl Board {
    /// The board for `state`, with `ideas` the ideas each phone wrote.
    pub fn of(
        state: &MeetingState,
        topic: &str,
        ideas: &HashMap<PhoneId, Vec<u32>>,
        ballots: &HashMap<(PhoneId, u32), u32>,
    ) -> Board {
        let phase = (state.status == Status::Running)
            .then(|| state.current_phase())
            .flatten();
        let writing = phase
            // Not grouping: sorting ideas into themes is the facilitator's.
            .filter(|p| matches!(p.kind, PhaseKind::Writing | PhaseKind::Ideas))
            .map(|p| p.is_private());
        let mine = ideas
            .iter()
            .map(|(phone, ids)| {
                let open: Vec<(u32, String)> = ids
                    .iter()
                    .filter_map(|id| state.idea(*id))
                    .filter(|idea| changeable(state, idea))
                    .map(|idea| (idea.id, idea.text.clone()))
                    .collect();
                (*phone, open)
            })
            .collect();
        let vote = state
            .open_vote()
            .filter(|_| state.status == Status::Running);
        let ballots = vote
            .map(|vote| {
                ballots
                    .iter()
                    .filter(|((_, id), _)| *id == vote.id)
                    .filter_map(|((phone, _), n)| {
                        let ballot = vote.ballots.get((*n as usize).checked_sub(1)?)?;
                        Some((*phone, ballot.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Board {
            rev: 0,
            topic: topic.to_string(),
            vote: vote.map(|v| PhoneVote {
                id: v.id,
                kind: v.kind,
                options: v.options.iter().map(|o| o.label.clone()).collect(),
                budget: v.budget,
                cap: v.cap,
            }),
            ballots,
            title: phase.map(|p| p.title.clone()).unwrap_or_default(),
            prompt: phase.map(|p| p.prompt.clone()).unwrap_or_default(),
            writing,
            mine,
        }
    }
}

/// Whether a phone may still edit or withdraw `idea`: until it is revealed, or while the
/// open phase it was written in runs.
pub fn changeable(state: &MeetingState, idea: &crate::model::outcomes::Idea) -> bool {
    if !idea.live() || state.status != Status::Running {
        return false;
    }
    idea.hidden
        || (state.phase == Some(idea.phase)
            && state.current_phase().is_some_and(|p| p.takes_ideas()))
}

/// The server's side of the link: answers reads from the board, passes sends to the loop.
struct Link {
    board: Arc<Mutex<Board>>,
    loop_: Mutex<Sender<Sent>>,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Handler for Link {
    fn join_page(&self, accept_language: Option<&str>, wrong_code: bool) -> Response {
        let lang = page::language(None, accept_language);
        page::join(lang, wrong_code)
    }

    fn handle(&self, request: PhoneRequest) -> Response {
        let lang = page::language(Some(&request), request.accept_language.as_deref());
        match (request.method.as_str(), request.path.as_str()) {
            ("GET", "/") => {
                let board = lock(&self.board).clone();
                page::page(&board, request.phone, lang, &request.query)
            }
            ("GET", "/state") => {
                let rev = lock(&self.board).rev;
                Response::new(200, "application/json", format!("{{\"rev\":{rev}}}"))
            }
            ("GET", "/a.js") => Response::new(200, "text/javascript", page::SCRIPT),
            ("GET", "/s.css") => Response::new(200, "text/css", page::STYLE),
            ("POST", path) => match page::input(path, &request.fields) {
                Some(input) => {
                    let outcome = self.send(request.phone, input.clone());
                    page::after(&outcome, &input, lang)
                }
                // A known form sent incomplete (a vote without a mark): say so on the page.
                None if page::FORMS.contains(&path) => page::incomplete(lang),
                None => Response::text(404, ""),
            },
            ("GET", _) => Response::text(404, ""),
            _ => Response::text(405, ""),
        }
    }
}

impl Link {
    /// Hands `input` to the loop and waits for its answer.
    fn send(&self, phone: PhoneId, input: PhoneInput) -> Option<PhoneOutcome> {
        let (reply, answer) = mpsc::sync_channel(1);
        let message = PhoneMessage {
            phone,
            input,
            reply,
        };
        lock(&self.loop_).send(Sent::Phone(message)).ok()?;
        answer.recv_timeout(ANSWER_WITHIN).ok()
    }
}

/// Phones turned on: the server, the board it reads, and which ideas each phone wrote
/// (kept only here, never saved).
pub struct Phones {
    server: PhoneServer,
    board: Arc<Mutex<Board>>,
    ideas: HashMap<PhoneId, Vec<u32>>,
    /// (phone, vote) → the number of the phone's ballot in that vote.
    ballots: HashMap<(PhoneId, u32), u32>,
}

impl std::fmt::Debug for Phones {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Phones")
            .field("server", &self.server)
            .finish_non_exhaustive()
    }
}

impl Phones {
    /// Starts the server on `addr`, waking the loop through `wake`.
    ///
    /// # Errors
    /// When the address cannot be listened on.
    pub fn start(addr: SocketAddr, wake: Sender<Sent>) -> std::io::Result<Phones> {
        let board = Arc::new(Mutex::new(Board::default()));
        let link = Link {
            board: Arc::clone(&board),
            loop_: Mutex::new(wake),
        };
        Ok(Phones {
            server: PhoneServer::start(addr, link)?,
            board,
            ideas: HashMap::new(),
            ballots: HashMap::new(),
        })
    }

    pub fn join_url(&self) -> String {
        self.server.join_url()
    }

    pub fn room_code(&self) -> &str {
        self.server.room_code()
    }

    pub fn joined(&self) -> usize {
        self.server.phones()
    }

    /// Notes that `phone` wrote idea `idea`.
    pub fn wrote(&mut self, phone: PhoneId, idea: u32) {
        self.ideas.entry(phone).or_default().push(idea);
    }

    /// Whether `phone` wrote `idea`.
    pub fn owns(&self, phone: PhoneId, idea: u32) -> bool {
        self.ideas
            .get(&phone)
            .is_some_and(|ids| ids.contains(&idea))
    }

    /// The number of `phone`'s ballot in vote `vote`, if it has cast one.
    pub fn ballot_of(&self, phone: PhoneId, vote: u32) -> Option<u32> {
        self.ballots.get(&(phone, vote)).copied()
    }

    /// Notes that `phone`'s ballot in vote `vote` is ballot `number`.
    pub fn voted(&mut self, phone: PhoneId, vote: u32, number: u32) {
        self.ballots.insert((phone, vote), number);
    }

    /// Publishes what phones should see of `state`, when it changed.
    pub fn publish(&self, state: &MeetingState, topic: &str) {
        let mut next = Board::of(state, topic, &self.ideas, &self.ballots);
        let mut board = lock(&self.board);
        next.rev = board.rev;
        if next != *board {
            next.rev += 1;
            *board = next;
        }
    }
}
