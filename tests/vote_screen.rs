//! Votes on the wall, driven by keys: setting up the options, one voter at a time with the
//! screen blanked in between, counted hands, closing, and the results of every kind (ties
//! stated as ties, blocks flagged, the ranking's method shown, per-side results only where
//! every side has three voters or more). Snapshots at 80x24 and 160x45 are pictures of the
//! wall: review a changed one as the room would see it.
//!
//! Accept new or changed snapshots with `cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test all vote_screen::` and a look at `tests/snapshots/`.

use crate::app_fixture;

use app_fixture::{app_with, data_sample, keys, overlay_kind, record, render, screen_text, state};
use parvi::i18n::Lang;
use parvi::model::vote::{Ballot, Entry, Rule, VoteKind, VoteSpec, YesNo};
use parvi::model::{Command, EventKind, Format, Localized, MemberId, Phase, PhaseKind, Side};
use parvi::store::{FormatEntry, FormatOrigin};
use parvi::tui::app::{App, Data, Screen};
use parvi::tui::keymap::KeyContext;

/// The sizes the wall is drawn at: a laptop's terminal and a projector.
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// The ideas the group wrote before voting.
const IDEAS: [&str; 4] = [
    "Ruokalan jonot lyhyemmiksi",
    "Pidempi välitunti",
    "Hiljainen tila opiskeluun",
    "Pyöräkatos",
];

fn phase(id: &str, kind: PhaseKind, title: &str, prompt: &str) -> Phase {
    Phase {
        id: id.into(),
        kind,
        title: Localized::all(title),
        prompt: Localized::all(prompt),
        text: Localized::default(),
        minutes: 10,
        turn_seconds: None,
        order: None,
        speakers: None,
        pass_allowed: true,
        attributed: false,
        private: None,
        vote: None,
        whole_year: false,
    }
}

/// Ideas on the wall, then a vote of `spec`.
fn format(spec: VoteSpec) -> Format {
    let mut vote = phase(
        "vote",
        PhaseKind::Vote,
        "Äänestys",
        "Mitä edistämme ensimmäisenä?",
    );
    vote.vote = Some(spec);
    Format {
        schema: parvi::model::SCHEMA_VERSION,
        name: "aanestys".into(),
        title: Localized::all("Äänestys"),
        description: Localized::default(),
        sources: Vec::new(),
        phases: vec![
            phase(
                "ideas",
                PhaseKind::Ideas,
                "Ideat",
                "Mitä haluaisit muuttaa?",
            ),
            vote,
        ],
    }
}

fn spec(kind: VoteKind) -> VoteSpec {
    VoteSpec {
        kind,
        budget: None,
        cap: None,
        entry: Entry::Voters,
        rule: Rule::Consent,
    }
}

/// Runs a command on the meeting directly (the ideas are not this module's keys).
fn exec(app: &mut App, command: Command) {
    let now = app.cx.now();
    let Screen::Meeting(view) = &mut app.screen else {
        panic!("not a meeting");
    };
    view.meeting
        .execute(command, now, 1)
        .expect("the command is accepted");
}

/// A meeting of the sample group (nine people: three students, six staff) with `spec`,
/// the four ideas written and the vote phase running. Only the first `present` people in
/// seating order are present.
fn vote_meeting(lang: Lang, spec: VoteSpec, present: usize) -> App {
    let data = Data {
        formats: vec![FormatEntry {
            format: format(spec),
            origin: FormatOrigin::Builtin,
        }],
        ..data_sample()
    };
    let (mut app, _clock) = app_with(lang, data);
    app.start_meeting(0, 0, "Kampuksen viihtyisyys", Vec::new());
    assert!(matches!(app.screen, Screen::Meeting(_)), "the meeting runs");
    for text in IDEAS {
        exec(
            &mut app,
            Command::AddIdea {
                text: text.into(),
                author: None,
            },
        );
    }
    let away: Vec<MemberId> = state(&app).people[present..]
        .iter()
        .map(|p| p.id.clone())
        .collect();
    for who in away {
        exec(
            &mut app,
            Command::SetPresent {
                who,
                present: false,
            },
        );
    }
    exec(&mut app, Command::NextPhase);
    app.cx.effects.clear();
    assert_eq!(app.context(), KeyContext::MeetingVote);
    app
}

fn text(app: &App) -> String {
    screen_text(app, 160, 45)
}

fn small(app: &App) -> String {
    screen_text(app, 80, 24)
}

/// The footer: the last rows of the screen.
fn footer(app: &App) -> String {
    let screen = small(app);
    let rows: Vec<&str> = screen.lines().collect();
    rows[rows.len() - 2..].join("\n")
}

/// One voter: the next voter's picker, the first name in it, the ballot keys, Enter, yes
/// to a question about an unfinished ballot; then the blank screen, and a key to end it.
fn cast(app: &mut App, ballot: &str) {
    keys(app, "<enter>");
    assert_eq!(overlay_kind(app), Some("picker"), "who votes next");
    keys(app, "1");
    assert_eq!(
        app.context(),
        KeyContext::MeetingBallot,
        "the voter has the keys"
    );
    keys(app, ballot);
    keys(app, "<enter>");
    if overlay_kind(app) == Some("confirm") {
        keys(app, "y");
    }
    assert!(blank(app), "the screen is blank after a ballot");
    keys(app, " ");
    assert!(!blank(app));
}

/// Whether the wall shows the thank-you screen between voters.
fn blank(app: &App) -> bool {
    text(app).contains(app.cx.t().vote.thanks_next)
}

/// The ballots in the log, with the side of each.
fn ballots(app: &App) -> Vec<(Option<Side>, Ballot)> {
    record(app)
        .events
        .iter()
        .filter_map(|e| match &e.event {
            EventKind::BallotCast { side, ballot, .. } => Some((*side, ballot.clone())),
            _ => None,
        })
        .collect()
}

fn close(app: &mut App) {
    keys(app, "s");
    assert_eq!(overlay_kind(app), Some("confirm"), "closing asks first");
    keys(app, "y");
    let vote = state(app).current_vote().expect("a vote");
    assert!(vote.closed, "the vote is closed");
}

/// Casts these ballots one voter after another, then closes the vote.
fn cast_all_and_close(app: &mut App, ballots: &[&str]) {
    for ballot in ballots {
        cast(app, ballot);
    }
    close(app);
}

fn snapshot(name: &str, app: &App) {
    for (width, height) in SIZES {
        let terminal = render(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

// ---- dot voting -------------------------------------------------------------------------

fn dots_spec() -> VoteSpec {
    VoteSpec {
        budget: Some(3),
        cap: Some(2),
        ..spec(VoteKind::Dots)
    }
}

#[test]
fn a_dot_vote_takes_four_voters_one_by_one_and_shows_results_only_when_closed() {
    let mut app = vote_meeting(Lang::Fi, dots_spec(), 4);
    let setup = text(&app);
    for idea in IDEAS {
        assert!(setup.contains(idea), "the ideas are the options:\n{setup}");
    }
    assert!(setup.contains("Pisteitä kullakin: 3 · samalle vaihtoehdolle enintään: 2"));
    assert!(setup.contains("Näyttö pimenee äänestäjien välillä"));
    assert!(footer(&app).contains("o avaa äänestys"));
    assert!(
        !footer(&app).contains("seuraava äänestäjä"),
        "no vote open yet"
    );

    keys(&mut app, "o");
    let vote = state(&app).open_vote().expect("the vote is open");
    assert_eq!((vote.budget, vote.cap, vote.options.len()), (3, 2, 4));
    let open = text(&app);
    assert!(open.contains("Ääniä annettu 0 / 4"), "{open}");
    assert!(open.contains("Tulokset näytetään, kun äänestys suljetaan."));
    assert!(footer(&app).contains("seuraava äänestäjä"));
    assert!(
        !footer(&app).contains("avaa äänestys"),
        "it is open already"
    );

    // The first voter: two dots on the first option, a third refused by the cap; one on the
    // second, then the budget refuses any more.
    keys(&mut app, "<enter>1");
    assert_eq!(app.context(), KeyContext::MeetingBallot);
    assert!(footer(&app).contains("lisää"), "{}", footer(&app));
    assert!(
        !footer(&app).contains("siirrä"),
        "no reordering in dot voting"
    );
    keys(&mut app, "++");
    keys(&mut app, "+");
    assert!(small(&app).contains("Samalle vaihtoehdolle saa antaa enintään 2."));
    keys(&mut app, "<down>+<down>");
    assert!(text(&app).contains("Pisteitä jäljellä: 0 / 3"));
    keys(&mut app, "<right>");
    assert!(small(&app).contains("Kaikki pisteet on käytetty."));
    // The facilitator's keys do nothing while a voter has the keyboard.
    keys(&mut app, "n");
    assert_eq!(state(&app).phase, Some(1), "n did not move the agenda");
    keys(&mut app, "<enter>");
    assert_eq!(
        ballots(&app),
        [(Some(Side::Student), Ballot::Dots(vec![2, 1, 0, 0]))]
    );
    let thanks = text(&app);
    assert!(blank(&app));
    for idea in IDEAS {
        assert!(!thanks.contains(idea), "the blank screen hides the ballot");
    }
    assert!(!thanks.contains("●"));
    assert!(
        !footer(&app).contains("anna ääni"),
        "nothing to cast on the blank screen"
    );
    keys(&mut app, "x");
    assert!(!blank(&app), "any key ends the blank screen");
    assert_eq!(
        state(&app).open_vote().map(|v| v.options.len()),
        Some(4),
        "and does nothing else"
    );
    assert!(text(&app).contains("Ääniä annettu 1 / 4"));

    // Three more: an unfinished ballot asks first; Esc cancels one without a trace.
    cast(&mut app, "+");
    assert_eq!(ballots(&app).len(), 2, "one dot of three, confirmed");
    keys(&mut app, "<enter>1<down><down>+<esc>");
    assert_eq!(ballots(&app).len(), 2, "a cancelled ballot is not cast");
    assert_eq!(app.context(), KeyContext::MeetingVote);
    cast(&mut app, "<down><down>++<down>+");
    cast(&mut app, "<down><down>+<down>+");
    assert_eq!(
        ballots(&app),
        [
            (Some(Side::Student), Ballot::Dots(vec![2, 1, 0, 0])),
            (Some(Side::Staff), Ballot::Dots(vec![1, 0, 0, 0])),
            (Some(Side::Student), Ballot::Dots(vec![0, 0, 2, 1])),
            (Some(Side::Staff), Ballot::Dots(vec![0, 0, 1, 1])),
        ],
        "each voter picked from those who have not voted, in seating order"
    );
    let open = text(&app);
    assert!(open.contains("Ääniä annettu 4 / 4"));
    assert!(open.contains("Kaikki paikallaolijat ovat äänestäneet"));
    assert!(
        !open.contains("Tulokset ·"),
        "no results before closing:\n{open}"
    );
    assert!(!open.contains("Eniten pisteitä") && !open.contains("Tasapeli"));
    assert!(!footer(&app).contains("seuraava äänestäjä"), "nobody left");
    keys(&mut app, "<enter>");
    assert_eq!(overlay_kind(&app), None, "no picker without voters");

    // The log keeps each ballot with the side only: no name, no member id.
    for event in &record(&app).events {
        if let EventKind::BallotCast { .. } = &event.event {
            let json = serde_json::to_value(&event.event).unwrap();
            let fields: Vec<&String> = json.as_object().unwrap().keys().collect();
            assert_eq!(fields, ["ballot", "side", "type", "vote"]);
            let raw = json.to_string();
            for person in &state(&app).people {
                assert!(!raw.contains(&person.name) && !raw.contains(&person.id.0));
            }
        }
    }

    close(&mut app);
    let results = text(&app);
    assert!(
        results.contains("Tulokset · Pisteäänestys")
            && results.contains("Äänestäjiä: 4 · Pisteitä yhteensä: 9")
    );
    assert!(
        results
            .contains("Tasapeli kärjessä: Ruokalan jonot lyhyemmiksi ja Hiljainen tila opiskeluun"),
        "{results}"
    );
    assert!(!results.contains("Ääniä annettu"));
}

#[test]
fn one_winner_is_named_and_a_tie_is_stated_as_a_tie() {
    let mut app = vote_meeting(Lang::Fi, dots_spec(), 3);
    keys(&mut app, "o");
    cast_all_and_close(&mut app, &["++<down>+", "+<down>++", "<down><down>+++"]);
    let results = text(&app);
    assert!(
        results.contains("Tasapeli kärjessä: Ruokalan jonot lyhyemmiksi ja Pidempi välitunti"),
        "3 and 3 is a tie:\n{results}"
    );
    assert!(!results.contains("Eniten pisteitä"));
    // Both tied options share first place; the place and the option's own number apart.
    assert!(
        results.contains("1. sija #1 Ruokalan jonot")
            && results.contains("1. sija #2 Pidempi välitunti"),
        "{results}"
    );
    assert!(results.contains("3. sija #3 Hiljainen tila"), "{results}");
    snapshot("dots_results_tie", &app);

    let mut app = vote_meeting(Lang::En, dots_spec(), 2);
    keys(&mut app, "o");
    cast_all_and_close(&mut app, &["++<down>+", "+<down><down>++"]);
    let results = text(&app);
    assert!(
        results.contains("Most dots: Ruokalan jonot lyhyemmiksi"),
        "{results}"
    );
    assert!(!results.contains("Tie for first"));
}

#[test]
fn options_are_set_up_before_the_vote_opens() {
    let mut app = vote_meeting(Lang::Fi, dots_spec(), 9);
    snapshot("setup_options", &app);
    // Remove the second idea, add one of our own, rename the first.
    keys(&mut app, "<down>x");
    keys(&mut app, "l");
    assert_eq!(overlay_kind(&app), Some("prompt"));
    keys(&mut app, "Kirjaston aukioloajat<enter>");
    keys(&mut app, "<up><up><up>e");
    keys(
        &mut app,
        "<bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs>lyhyiksi<enter>",
    );
    keys(&mut app, "o");
    let labels: Vec<String> = state(&app)
        .open_vote()
        .expect("open")
        .options
        .iter()
        .map(|o| o.label.clone())
        .collect();
    assert_eq!(
        labels,
        [
            "Ruokalan jonot lyhyiksi",
            "Hiljainen tila opiskeluun",
            "Pyöräkatos",
            "Kirjaston aukioloajat"
        ]
    );
    let opened = record(&app)
        .events
        .iter()
        .find_map(|e| match &e.event {
            EventKind::VoteOpened { options, .. } => Some(options.clone()),
            _ => None,
        })
        .expect("the vote opened");
    assert_eq!(
        opened[0].idea,
        Some(1),
        "an option keeps the idea it came from"
    );
    assert_eq!(opened[3].idea, None);

    // Fewer than two options cannot open: the key is not offered.
    let mut app = vote_meeting(Lang::Fi, dots_spec(), 9);
    keys(&mut app, "xxx");
    assert!(text(&app).contains("Äänestykseen tarvitaan vähintään kaksi vaihtoehtoa."));
    assert!(!footer(&app).contains("avaa äänestys"));
    keys(&mut app, "o");
    assert!(state(&app).open_vote().is_none());
}

#[test]
fn the_ballot_of_one_voter_and_the_blank_screen_after_it() {
    let mut app = vote_meeting(Lang::Fi, dots_spec(), 9);
    keys(&mut app, "o");
    cast(&mut app, "++<down>+");
    keys(&mut app, "<enter>1<down><down>++<down>");
    let ballot = text(&app);
    assert!(ballot.contains("Äänestyslippu · Pisteäänestys"));
    assert!(ballot.contains("Pisteitä jäljellä: 1 / 3"));
    assert!(ballot.contains("●● 2"));
    assert!(
        !ballot.contains("Ääniä annettu"),
        "the ballot has the screen to itself"
    );
    snapshot("ballot_dots", &app);
    keys(&mut app, "<enter>y");
    assert!(blank(&app));
    snapshot("blank_between_voters", &app);
}

// ---- counted hands ----------------------------------------------------------------------

#[test]
fn counted_hands_are_entered_one_option_at_a_time() {
    let spec = VoteSpec {
        entry: Entry::Hands,
        ..dots_spec()
    };
    let mut app = vote_meeting(Lang::Fi, spec, 9);
    assert!(text(&app).contains("Kädet lasketaan, ja vetäjä kirjaa määrät."));
    keys(&mut app, "o");
    assert!(text(&app).contains("Laske kädet ja syötä määrät: h"));
    assert!(
        !footer(&app).contains("seuraava äänestäjä"),
        "hands, not ballots"
    );
    keys(&mut app, "h");
    assert_eq!(overlay_kind(&app), Some("prompt"));
    keys(&mut app, "5<enter>");
    keys(&mut app, "viisi<enter>");
    assert!(small(&app).contains("Kirjoita määrä numeroina."));
    assert_eq!(overlay_kind(&app), Some("prompt"), "asked again");
    keys(&mut app, "<bs><bs><bs><bs><bs>7<enter><enter>2<enter>");
    let counted = record(&app).events.iter().find_map(|e| match &e.event {
        EventKind::HandsCounted { counts, .. } => Some(counts.clone()),
        _ => None,
    });
    assert_eq!(counted, Some(vec![5, 7, 0, 2]), "an empty answer is none");
    let open = text(&app);
    assert!(open.contains("Kädet kirjattu, yhteensä: 14"));
    assert!(!open.contains("Eniten pisteitä"), "still hidden");
    close(&mut app);
    let results = text(&app);
    assert!(
        results.contains("Eniten pisteitä: Pidempi välitunti"),
        "{results}"
    );
    assert!(results.contains("Pisteitä yhteensä: 14"));
}

// ---- fist of five -----------------------------------------------------------------------

#[test]
fn a_fist_of_five_with_a_zero_shows_the_block_and_fails_by_consent() {
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::FistOfFive), 5);
    let setup = text(&app);
    assert!(setup.contains("Konsentti: ehdotus hyväksytään, jos kukaan ei näytä nollaa"));
    assert!(setup.contains("Ehdotusta ei ole vielä kirjoitettu. Kirjoita se: e"));
    // Opening asks for the proposal first, prefilled with the first idea.
    keys(&mut app, "o");
    assert_eq!(overlay_kind(&app), Some("prompt"));
    keys(&mut app, " porrastamalla ruokailu<enter>");
    let vote = state(&app).open_vote().expect("opened after the proposal");
    assert_eq!(
        vote.options[0].label,
        "Ruokalan jonot lyhyemmiksi porrastamalla ruokailu"
    );
    keys(&mut app, "<enter>1<enter>");
    assert!(
        small(&app).contains("Valitse ensin numerolla."),
        "nothing chosen yet"
    );
    assert!(ballots(&app).is_empty());
    keys(&mut app, "7");
    assert!(
        ballots(&app).is_empty() && !blank(&app),
        "7 is not on the scale"
    );
    keys(&mut app, "4<enter> ");
    cast(&mut app, "5");
    cast(&mut app, "3");
    cast(&mut app, "0");
    cast(&mut app, "t");
    assert_eq!(
        ballots(&app)
            .iter()
            .map(|(_, b)| b.clone())
            .collect::<Vec<_>>(),
        [
            Ballot::Fist(4),
            Ballot::Fist(5),
            Ballot::Fist(3),
            Ballot::Fist(0),
            Ballot::Abstain
        ]
    );
    close(&mut app);
    let results = small(&app);
    assert!(results.contains("EI HYVÄKSYTTY"), "{results}");
    assert!(
        results.contains("Estoja: 1. Ehdotus ei mene läpi"),
        "{results}"
    );
    let wide = text(&app);
    assert!(
        wide.contains("◀ ESTO"),
        "the zero is flagged in words:\n{wide}"
    );
    assert!(wide.contains("Estän"));
    snapshot("fist_results_block", &app);
}

#[test]
fn a_fist_of_five_without_zeros_passes_and_consensus_asks_for_three() {
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::FistOfFive), 3);
    keys(&mut app, "e<enter>o");
    cast_all_and_close(&mut app, &["5", "2", "4"]);
    let results = small(&app);
    assert!(
        results.contains("Kukaan ei estänyt: ehdotus hyväksytään."),
        "{results}"
    );
    assert!(!results.contains("EI HYVÄKSYTTY"));

    let consensus = VoteSpec {
        rule: Rule::Consensus,
        ..spec(VoteKind::FistOfFive)
    };
    let mut app = vote_meeting(Lang::Fi, consensus, 3);
    keys(&mut app, "e<enter>o");
    cast_all_and_close(&mut app, &["5", "2", "4"]);
    let results = small(&app);
    assert!(results.contains("yksimielisyyttä ei ole"), "{results}");
}

// ---- yes / no ---------------------------------------------------------------------------

#[test]
fn yes_no_takes_letters_and_digits_and_states_the_outcome() {
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::YesNo), 6);
    keys(&mut app, "e");
    keys(
        &mut app,
        "<bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs>Kokeillaan pidempää välituntia<enter>",
    );
    assert!(text(&app).contains("Kokeillaan pidempää välituntia"));
    keys(&mut app, "o");
    keys(&mut app, "<enter>1");
    let ballot = text(&app);
    assert!(
        ballot.contains("1  K  KYLLÄ") && ballot.contains("3  T  TYHJÄÄ"),
        "{ballot}"
    );
    keys(&mut app, "k<enter> ");
    cast(&mut app, "1");
    cast(&mut app, "j");
    cast(&mut app, "e");
    cast(&mut app, "2");
    cast(&mut app, "t");
    assert_eq!(
        ballots(&app)
            .iter()
            .map(|(_, b)| b.clone())
            .collect::<Vec<_>>(),
        [
            Ballot::YesNo(YesNo::Yes),
            Ballot::YesNo(YesNo::Yes),
            Ballot::YesNo(YesNo::Yes),
            Ballot::YesNo(YesNo::No),
            Ballot::YesNo(YesNo::No),
            Ballot::YesNo(YesNo::Abstain),
        ]
    );
    close(&mut app);
    let results = text(&app);
    assert!(
        results.contains("Kyllä 3 – ei 2: ehdotus hyväksytään."),
        "{results}"
    );

    let mut app = vote_meeting(Lang::Sv, spec(VoteKind::YesNo), 2);
    keys(&mut app, "e<enter>o");
    cast_all_and_close(&mut app, &["j", "n"]);
    let results = text(&app);
    assert!(
        results.contains("Lika röstetal, ja 1 – nej 1: förslaget går inte igenom."),
        "a tie is a tie:\n{results}"
    );
    assert!(small(&app).contains("INTE GODKÄNT"));
}

// ---- score ------------------------------------------------------------------------------

#[test]
fn scores_are_averaged_and_written_with_a_decimal_comma() {
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::Score), 3);
    keys(&mut app, "o");
    // Digits score the selected option and move on to the next.
    cast(&mut app, "5432");
    cast(&mut app, "4444");
    keys(&mut app, "<enter>1");
    // A digit, then the arrows: 1 up from nothing, then 2.
    keys(&mut app, "<down>3<right><right>");
    assert!(
        text(&app).contains("ei arvioitu"),
        "the rest are not scored yet"
    );
    keys(&mut app, "<enter>");
    assert_eq!(overlay_kind(&app), Some("confirm"), "two options unscored");
    keys(&mut app, "y ");
    assert_eq!(
        ballots(&app)
            .iter()
            .map(|(_, b)| b.clone())
            .collect::<Vec<_>>(),
        [
            Ballot::Score(vec![5, 4, 3, 2]),
            Ballot::Score(vec![4, 4, 4, 4]),
            Ballot::Score(vec![0, 3, 2, 0]),
        ]
    );
    close(&mut app);
    let results = text(&app);
    assert!(
        results.contains("Paras keskiarvo: Ruokalan jonot lyhyemmiksi"),
        "an option left unscored counts only where scored:\n{results}"
    );
    assert!(
        results.contains("4,5"),
        "(5 + 4) / 2 with a comma:\n{results}"
    );
    assert!(results.contains("3,7"), "(4 + 4 + 3) / 3");
    assert!(results.contains("Tasapeli (3,0): Hiljainen tila opiskeluun ja Pyöräkatos"));
}

// ---- ranking ----------------------------------------------------------------------------

#[test]
fn a_ranking_states_its_method_and_shows_the_rounds() {
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::Ranking), 5);
    let method = "Lasketaan etusijavaalina (instant runoff)";
    assert!(text(&app).contains(method), "on the set-up screen");
    keys(&mut app, "o");
    let opened = record(&app).events.iter().find_map(|e| match &e.event {
        EventKind::VoteOpened { method, .. } => Some(method.clone()),
        _ => None,
    });
    assert_eq!(
        opened,
        Some(Some("instant_runoff".to_string())),
        "and in the log"
    );
    keys(&mut app, "<enter>1");
    assert!(text(&app).contains(method), "on the ballot");
    // Each place is said as a place, apart from the option's own number.
    let ballot = small(&app);
    assert!(ballot.contains("▶ 1. sija  #1 Ruokalan jonot"), "{ballot}");
    assert!(ballot.contains("  4. sija  #4 Pyöräkatos"), "{ballot}");
    assert!(footer(&app).contains("siirrä ylemmäs"));
    assert!(!footer(&app).contains("lisää"), "no dots in a ranking");
    keys(&mut app, "<esc>");
    // 2 + 2 + 1 first choices; the one with 1 goes, and its voter's next choice decides.
    cast(&mut app, "<S-down>");
    cast(&mut app, "<S-down>");
    cast(&mut app, "<down><down><S-up><S-up>");
    cast(&mut app, "<down><down><S-up><S-up>");
    cast(&mut app, "<down><down><down><S-up><S-up><S-up>");
    assert_eq!(
        ballots(&app)
            .iter()
            .map(|(_, b)| b.clone())
            .collect::<Vec<_>>(),
        [
            Ballot::Ranking(vec![1, 0, 2, 3]),
            Ballot::Ranking(vec![1, 0, 2, 3]),
            Ballot::Ranking(vec![2, 0, 1, 3]),
            Ballot::Ranking(vec![2, 0, 1, 3]),
            Ballot::Ranking(vec![3, 0, 1, 2]),
        ]
    );
    close(&mut app);
    let results = text(&app);
    assert!(results.contains(method), "on the results");
    // Nobody's first choice goes first, then the bike shelter; its voter's next choice
    // (the longer break) gives that a majority of 3 to 2.
    assert!(results.contains("Voittaja: Pidempi välitunti"), "{results}");
    assert!(results.contains("Ykkössijat kierroksittain"));
    let rounds: Vec<&str> = results
        .lines()
        .skip_while(|l| !l.contains("Ykkössijat kierroksittain"))
        .collect();
    let head: Vec<&str> = rounds[1].split_whitespace().collect();
    assert_eq!(
        &head[head.len() - 4..],
        ["kierros", "1", "2", "3"],
        "{results}"
    );
    let winner: Vec<&str> = rounds[2].split_whitespace().collect();
    assert_eq!(
        winner,
        ["Pidempi", "välitunti", "2", "2", "3"],
        "first choices per round, the winner first"
    );
    snapshot("ranking_results", &app);
}

// ---- per side ---------------------------------------------------------------------------

#[test]
fn results_by_side_appear_only_when_every_side_has_three_voters() {
    // Seating order: student, staff, student, staff, student, staff…: five present are
    // three students and two staff.
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::YesNo), 5);
    keys(&mut app, "e<enter>o");
    for key in ["k", "e", "k", "k", "e"] {
        cast(&mut app, key);
    }
    let sides: Vec<Side> = ballots(&app).iter().filter_map(|(s, _)| *s).collect();
    assert_eq!(
        sides,
        [
            Side::Student,
            Side::Staff,
            Side::Student,
            Side::Staff,
            Side::Student
        ]
    );
    close(&mut app);
    let results = text(&app);
    assert!(
        !results.contains("Osapuolittain"),
        "two staff: withheld\n{results}"
    );
    assert!(
        results.contains("Osapuolittaisia tuloksia ei näytetä"),
        "{results}"
    );

    // One more staff member: three and three.
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::YesNo), 6);
    keys(&mut app, "e<enter>o");
    for key in ["k", "e", "k", "k", "e", "e"] {
        cast(&mut app, key);
    }
    close(&mut app);
    let results = text(&app);
    assert!(results.contains("Osapuolittain"), "{results}");
    assert!(!results.contains("Osapuolittaisia tuloksia ei näytetä"));
    let row = results
        .lines()
        .find(|l| l.contains("Osapuolittain"))
        .expect("the heading");
    assert!(
        row.contains("opiskelijat") && row.contains("henkilöstö"),
        "{row}"
    );
    let yes = results
        .lines()
        .skip_while(|l| !l.contains("Osapuolittain"))
        .find(|l| l.trim_start().starts_with("Kyllä"))
        .expect("the yes row");
    let cells: Vec<&str> = yes.split_whitespace().collect();
    assert_eq!(
        &cells[..3],
        ["Kyllä", "2", "1"],
        "students 2 yes, staff 1:\n{yes}"
    );
}

// ---- every size ---------------------------------------------------------------------------

#[test]
fn every_stage_of_every_kind_draws_from_the_smallest_window_to_the_largest() {
    let sizes = [(60, 16), (80, 24), (120, 40), (250, 70)];
    let draw = |app: &App, what: &str| {
        for (width, height) in sizes {
            let screen = screen_text(app, width, height);
            assert!(!screen.trim().is_empty(), "{what} at {width}x{height}");
        }
    };
    let ballots: [(VoteKind, &str); 5] = [
        (VoteKind::Dots, "+<down>+"),
        (VoteKind::FistOfFive, "3"),
        (VoteKind::YesNo, "k"),
        (VoteKind::Score, "5432"),
        (VoteKind::Ranking, "<S-down>"),
    ];
    for (kind, ballot) in ballots {
        let mut app = vote_meeting(Lang::Sv, spec(kind), 9);
        draw(&app, "set-up");
        keys(&mut app, "e<enter>o");
        assert!(state(&app).open_vote().is_some(), "{kind:?} opens");
        draw(&app, "open");
        keys(&mut app, "<enter>1");
        keys(&mut app, ballot);
        draw(&app, "ballot");
        keys(&mut app, "<enter>");
        if overlay_kind(&app) == Some("confirm") {
            keys(&mut app, "y");
        }
        assert!(blank(&app), "{kind:?}: blank after the ballot");
        draw(&app, "blank");
        keys(&mut app, " ");
        for _ in 0..8 {
            cast(&mut app, "t");
        }
        close(&mut app);
        draw(&app, "results");
        assert!(
            !text(&app).contains("Lika många (0)"),
            "options nobody chose are not stated as tied"
        );
        let results = screen_text(&app, 60, 16);
        assert!(
            results.contains("Resultat"),
            "{kind:?}: the results are there even at 60x16:\n{results}"
        );
    }
}

// ---- voting again -------------------------------------------------------------------------

#[test]
fn a_tie_is_settled_by_a_new_vote_between_the_tied_options() {
    let mut app = vote_meeting(Lang::Fi, dots_spec(), 3);
    keys(&mut app, "o");
    cast_all_and_close(&mut app, &["++<down>+", "+<down>++", "<down><down>+++"]);
    let results = text(&app);
    assert!(
        results.contains("Tasapelin voi ratkaista uudella äänestyksellä: o"),
        "{results}"
    );
    assert!(footer(&app).contains("o avaa äänestys"), "{}", footer(&app));

    keys(&mut app, "o");
    assert_eq!(overlay_kind(&app), Some("confirm"), "a new vote asks first");
    let question = text(&app);
    assert!(
        question.contains("Äänestetäänkö uudelleen tasapelin vaihtoehdoista: Ruokalan jonot")
            && question.contains("lyhyemmiksi ja Pidempi välitunti?"),
        "{question}"
    );
    keys(&mut app, "y");
    let votes = &state(&app).votes;
    assert_eq!(votes.len(), 2, "the first vote stays in the log");
    assert!(votes[0].closed && !votes[1].closed);
    let labels: Vec<&str> = votes[1].options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, ["Ruokalan jonot lyhyemmiksi", "Pidempi välitunti"]);
    assert_eq!(votes[0].phase, votes[1].phase, "in the same agenda item");

    // Everyone present votes again: the first vote's voters are not left out.
    keys(&mut app, "<enter>");
    assert_eq!(overlay_kind(&app), Some("picker"));
    let picker = text(&app);
    for person in &state(&app).people[..3] {
        assert!(
            picker.contains(&person.name),
            "{} may vote again",
            person.name
        );
    }
    keys(&mut app, "<esc>");
    cast_all_and_close(&mut app, &["+++", "++", "<down>+++"]);
    let results = text(&app);
    assert!(
        results.contains("Eniten pisteitä: Ruokalan jonot lyhyemmiksi"),
        "{results}"
    );
    assert!(!results.contains("Tasapelin voi ratkaista"));
}

#[test]
fn a_blocked_proposal_can_be_amended_and_voted_on_again() {
    let mut app = vote_meeting(Lang::En, spec(VoteKind::FistOfFive), 2);
    keys(&mut app, "o");
    keys(&mut app, "<enter>");
    cast_all_and_close(&mut app, &["4", "0"]);
    assert!(
        small(&app).contains("Vote again on an amended proposal: o"),
        "{}",
        small(&app)
    );
    // The proposal comes back to be amended, then the new vote opens.
    keys(&mut app, "o");
    assert_eq!(overlay_kind(&app), Some("prompt"));
    keys(&mut app, " on Fridays<enter>");
    let votes = &state(&app).votes;
    assert_eq!(votes.len(), 2);
    assert_eq!(votes[0].options[0].label, "Ruokalan jonot lyhyemmiksi");
    assert_eq!(
        votes[1].options[0].label,
        "Ruokalan jonot lyhyemmiksi on Fridays"
    );
    assert!(!votes[1].closed);
    cast_all_and_close(&mut app, &["4", "3"]);
    assert!(small(&app).contains("PASSED"), "{}", small(&app));
}

// ---- issue 9: numbers, counted hands, themes or ideas, the ballot's help -----------------

#[test]
fn vote_options_go_by_the_numbers_the_wall_shows_and_places_are_said_as_places() {
    let mut app = vote_meeting(Lang::Fi, dots_spec(), 3);
    // Idea 1 was merged into idea 3 before the vote: the wall shows 2, 3 and 4.
    exec(&mut app, Command::MergeIdeas { into: 3, from: 1 });
    let setup = text(&app);
    for row in [
        "▶ 2  Pidempi välitunti",
        "3  Hiljainen tila opiskeluun / Ruokalan",
        "4  Pyöräkatos",
    ] {
        assert!(setup.contains(row), "{row}:\n{setup}");
    }
    assert!(!setup.contains("1  Pidempi"), "{setup}");
    keys(&mut app, "o");
    // The ballot: the same numbers.
    keys(&mut app, "<enter>1");
    let ballot = text(&app);
    assert!(ballot.contains("▶ 2  Pidempi välitunti"), "{ballot}");
    assert!(ballot.contains("  4  Pyöräkatos"), "{ballot}");
    keys(&mut app, "<esc>");
    cast_all_and_close(&mut app, &["<down><down>++", "<down><down>++", "++"]);
    // The results: the place, then the option's own number ("#4"), never a bare "1." that
    // reads as option 1.
    let results = text(&app);
    assert!(results.contains("1. sija #4 Pyöräkatos"), "{results}");
    assert!(
        results.contains("2. sija #2 Pidempi välitunti"),
        "{results}"
    );
    snapshot("dots_results_numbers", &app);
}

#[test]
fn counted_hands_are_counted_and_more_than_the_room_has_is_questioned() {
    let hands = VoteSpec {
        entry: Entry::Hands,
        ..dots_spec()
    };
    // Four present with three dots each: at most twelve hands.
    let mut app = vote_meeting(Lang::Fi, hands, 4);
    keys(&mut app, "oh5<enter>7<enter>0<enter>2<enter>");
    match &app.overlay {
        Some(parvi::tui::overlay::Overlay::Confirm(c)) => assert_eq!(
            c.question,
            "Käsiä on 14, vaikka läsnä on 4 ja kullakin 3 pistettä (enintään 12). Kirjataanko silti?"
        ),
        other => panic!("too many hands were taken without a question: {other:?}"),
    }
    keys(&mut app, "<esc>");
    assert_eq!(state(&app).open_vote().unwrap().hands, None, "not recorded");
    // Counted again: nine hands. Closing says nine, not "0 votes".
    keys(&mut app, "h3<enter>4<enter>0<enter>2<enter>");
    assert_eq!(
        state(&app).open_vote().unwrap().hands,
        Some(vec![3, 4, 0, 2])
    );
    keys(&mut app, "s");
    match &app.overlay {
        Some(parvi::tui::overlay::Overlay::Confirm(c)) => assert_eq!(
            c.question,
            "Suljetaanko äänestys ja näytetään tulokset? Käsiä laskettu: 9"
        ),
        other => panic!("no question: {other:?}"),
    }
    keys(&mut app, "<esc>");

    // A fist of five by hands: one hand each. Six hands of three people are asked about,
    // and kept when the facilitator is sure.
    let fist = VoteSpec {
        entry: Entry::Hands,
        ..spec(VoteKind::FistOfFive)
    };
    let mut app = vote_meeting(Lang::Fi, fist, 3);
    keys(&mut app, "oEhdotus<enter>");
    keys(
        &mut app,
        "h0<enter>0<enter>0<enter>1<enter>2<enter>3<enter>",
    );
    match &app.overlay {
        Some(parvi::tui::overlay::Overlay::Confirm(c)) => assert_eq!(
            c.question,
            "Käsiä on 6, vaikka läsnä on vain 3. Kirjataanko silti?"
        ),
        other => panic!("too many hands were taken without a question: {other:?}"),
    }
    keys(&mut app, "y");
    assert_eq!(
        state(&app).open_vote().unwrap().hands,
        Some(vec![0, 0, 0, 1, 2, 3])
    );
}

/// Two themes over the four ideas (ideas 1 and 2 in the first, 3 in the second).
fn themed(app: &mut App) {
    exec(app, Command::AddTheme("Ruoka ja tauot".into()));
    exec(app, Command::AddTheme("Tilat".into()));
    for (idea, theme) in [(1, 1), (2, 1), (3, 2)] {
        exec(
            app,
            Command::SetTheme {
                idea,
                theme: Some(theme),
            },
        );
    }
}

#[test]
fn a_vote_is_on_the_themes_or_the_ideas_as_the_facilitator_chooses() {
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::Dots), 5);
    themed(&mut app);
    // The themes by default, said as themes; two themes get three dots, not one each.
    let setup = text(&app);
    assert!(setup.contains("Äänestetään teemoista: 2"), "{setup}");
    assert!(setup.contains("Pisteitä kullakin: 3"), "{setup}");
    assert!(footer(&app).contains("t teemat/ideat"), "{}", footer(&app));
    // t: the ideas instead (all four, grouped or not), with their numbers.
    keys(&mut app, "t");
    let ideas = text(&app);
    assert!(ideas.contains("Äänestetään ideoista: 4"), "{ideas}");
    assert!(ideas.contains("4  Pyöräkatos"), "{ideas}");
    snapshot("setup_on_ideas", &app);
    keys(&mut app, "o");
    let vote = state(&app).open_vote().expect("open");
    assert_eq!(vote.options.len(), 4);
    assert!(vote.options.iter().all(|o| o.idea.is_some()));
    assert_eq!(vote.budget, 3);
    // The open vote says what is voted on too.
    assert!(text(&app).contains("Äänestetään ideoista: 4"));

    // And back: t again gives the themes.
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::Dots), 5);
    themed(&mut app);
    keys(&mut app, "tto");
    let vote = state(&app).open_vote().expect("open");
    assert!(vote.options.iter().all(|o| o.theme.is_some()));
    assert_eq!((vote.options.len(), vote.budget), (2, 3));
}

#[test]
fn the_help_of_a_dot_ballot_lists_only_the_keys_of_a_dot_vote() {
    let mut app = vote_meeting(Lang::Fi, dots_spec(), 3);
    keys(&mut app, "o<enter>1");
    assert_eq!(app.context(), KeyContext::MeetingBallot);
    keys(&mut app, "?");
    let help = small(&app);
    for key in ["lisää", "vähennä", "anna ääni", "tyhjää"] {
        assert!(help.contains(key), "{key} missing:\n{help}");
    }
    for other in [
        "kyllä",
        "valitse numerolla",
        "siirrä ylemmäs",
        "siirrä alemmas",
    ] {
        assert!(
            !help.contains(other),
            "{other} is not a key of a dot vote:\n{help}"
        );
    }
    snapshot("ballot_dots_help", &app);
}

// ---- the check-out pulse ----------------------------------------------------------------

#[test]
fn the_pulse_asks_its_fixed_question_and_shows_the_average_and_the_answers() {
    // Six present: three students and three staff, so both sides are shown.
    let mut app = vote_meeting(Lang::Fi, spec(VoteKind::Pulse), 6);
    let setup = text(&app);
    assert!(setup.contains("Loppupulssi"), "{setup}");
    assert!(
        setup.contains("Kuinka hyvin tulit tänään kuulluksi?"),
        "the question is fixed, not typed:\n{setup}"
    );
    // e would edit a proposal: the pulse has none to edit.
    keys(&mut app, "e");
    assert_eq!(overlay_kind(&app), None, "no prompt for the fixed question");
    keys(&mut app, "o");
    let vote = state(&app).open_vote().expect("opened at once").clone();
    assert_eq!(
        vote.options[0].label,
        "Kuinka hyvin tulit tänään kuulluksi?"
    );
    keys(&mut app, "<enter>1<enter>");
    snapshot("pulse_ballot", &app);
    keys(&mut app, "0");
    keys(&mut app, "<enter>");
    assert!(ballots(&app).is_empty(), "0 is not an answer of the pulse");
    keys(&mut app, "5<enter> ");
    for answer in ["4", "4", "2", "3", "5"] {
        cast(&mut app, answer);
    }
    let answers: Vec<Ballot> = ballots(&app).into_iter().map(|(_, b)| b).collect();
    assert_eq!(
        answers,
        [5, 4, 4, 2, 3, 5].map(Ballot::Pulse),
        "one answer per voter, in order"
    );
    close(&mut app);
    let results = small(&app);
    // (5 + 4 + 4 + 2 + 3 + 5) / 6 = 3.83
    assert!(results.contains("Keskiarvo 3,8 / 5"), "{results}");
    let wide = text(&app);
    assert!(wide.contains("Osapuolittain"), "{wide}");
    snapshot("pulse_results", &app);
}

#[test]
fn the_pulse_takes_counted_hands_one_answer_at_a_time() {
    let pulse = VoteSpec {
        entry: Entry::Hands,
        ..spec(VoteKind::Pulse)
    };
    let mut app = vote_meeting(Lang::Fi, pulse, 6);
    keys(&mut app, "oh");
    assert!(
        text(&app).contains("Kädet 1/5: 1 – En lainkaan"),
        "{}",
        text(&app)
    );
    keys(&mut app, "1<enter>0<enter>2<enter>2<enter>1<enter>");
    assert_eq!(
        state(&app).open_vote().unwrap().hands,
        Some(vec![1, 0, 2, 2, 1]),
        "a count per answer, 1 to 5"
    );
    close(&mut app);
    // (1 + 3 + 3 + 4 + 4 + 5) / 6 = 3.33
    let results = small(&app);
    assert!(results.contains("Keskiarvo 3,3 / 5"), "{results}");
    assert!(results.contains("Vastaajia: 6"), "{results}");
}
