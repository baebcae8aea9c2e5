//! Phones end to end: the facilitator's parvi in tmux with phone input on loopback, the
//! wall in another tmux, and phones played by raw HTTP. A phone joins by the address the
//! wall's QR code carries, writes ideas, edits and withdraws its own; the meeting's log
//! holds exactly that, marked as from a phone and naming no device; the wall counts the
//! ideas without showing them; the server stops with the meeting.
//!
//! Every wait polls with a deadline. Skipped with a message when tmux is not installed (the
//! CI script installs it).

use crate::phone;
use crate::tmux;
use crate::webdriver;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parvi::model::role::Side;
use parvi::model::{EventKind, EventSource, SessionRecord};
use tmux::{Launch, Tmux};

const GROUP: &str = "Kotkan hyvinvointiryhmä";
const TOPIC: &str = "Kevään teemat";
const FORMAT: &str = r#"{
  "schema": 1,
  "name": "ideat",
  "title": {"fi": "Ideat"},
  "phases": [
    {"id": "write", "kind": "writing", "title": {"fi": "Hiljainen kirjoitus"},
     "prompt": {"fi": "Mitä muuttaisit?"}, "minutes": 5},
    {"id": "ideas", "kind": "ideas", "title": {"fi": "Ideat"}, "minutes": 5},
    {"id": "vote", "kind": "vote", "title": {"fi": "Äänestys"}, "minutes": 5,
     "vote": {"kind": "dots", "budget": 3, "cap": 2, "entry": "voters", "rule": "consent"}},
    {"id": "fist", "kind": "vote", "title": {"fi": "Nyrkistä viiteen"}, "minutes": 5,
     "vote": {"kind": "fist_of_five", "entry": "voters", "rule": "consent"}},
    {"id": "pulse", "kind": "vote", "title": {"fi": "Loppupulssi"}, "minutes": 3,
     "vote": {"kind": "pulse", "entry": "voters", "rule": "consent"}}
  ]
}"#;

fn prepare(data: &Path) {
    let out = tmux::cli(
        data,
        &[
            "groups",
            "add",
            "--kind",
            "site_wellbeing",
            GROUP,
            "--member",
            "Aino Virtanen:student",
            "--member",
            "Bertta Koski:teacher",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    std::fs::create_dir_all(data.join("formats")).unwrap();
    std::fs::write(data.join("formats/ideat.json"), FORMAT).unwrap();
}

/// The facilitator's parvi on a meeting with phone input on loopback: its terminal, the
/// meeting's file and the QR code's address.
fn start_meeting(data: &Path) -> (Tmux, PathBuf, String) {
    let args = [
        "run",
        "--group",
        GROUP,
        "--format",
        "ideat",
        "--topic",
        TOPIC,
        "--phones",
        "127.0.0.1:0",
    ];
    let fac = Tmux::start(data, Launch::new(&args).size(100, 30));
    let (session, url) = pointer(data);
    (fac, session, url)
}

/// The live meeting's file and where phones join, once the facilitator's parvi says so.
fn pointer(data: &Path) -> (PathBuf, String) {
    let end = Instant::now() + tmux::DEADLINE;
    loop {
        if let Ok(text) = std::fs::read_to_string(data.join("live.json")) {
            let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            if let (Some(session), Some(url)) =
                (value["session"].as_str(), value["phones"]["url"].as_str())
            {
                return (data.join("sessions").join(session), url.to_string());
            }
        }
        assert!(Instant::now() < end, "no phones in live.json");
        std::thread::sleep(tmux::POLL);
    }
}

fn record(path: &Path) -> SessionRecord {
    serde_json::from_slice(&std::fs::read(path).expect("the session file")).expect("a session")
}

/// The facilitator closes the open vote (and confirms).
fn close_vote(fac: &Tmux) {
    fac.send_keys(&["s"]);
    fac.wait_for("Suljetaanko äänestys");
    fac.send_keys(&["Enter"]);
}

/// The server's address and the QR code's path, from its URL.
fn split(url: &str) -> (SocketAddr, String) {
    let rest = url.strip_prefix("http://").expect("http");
    let (host, path) = rest.split_once('/').expect("a path");
    (host.parse().expect("a raw address"), format!("/{path}"))
}

#[test]
#[ignore = "needs tmux: run with `cargo test --release -- --include-ignored`, as .ci/run does"]
fn a_phone_writes_ideas_that_the_log_keeps_and_the_wall_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    prepare(&data);
    // The smallest wall: no room for the QR code, so the address is written out; ideas too
    // long for big letters are written out once revealed.
    let wall = Tmux::start(&data, Launch::new(&["wall"]).size(80, 24));
    wall.wait_for("Odotetaan kokousta");
    let (fac, session, url) = start_meeting(&data);
    let (addr, join) = split(&url);
    // The wall invites phones, with the address to type and the room code.
    wall.wait_for("Liity puhelimella");
    wall.wait_for(&format!("http://{addr}"));
    fac.wait_for("puhelimia 0");

    let joined = phone::get(addr, &join, None);
    assert_eq!(joined.status, 303, "{}", joined.head);
    let cookie = joined.cookie().expect("a cookie");
    let page = phone::get(addr, "/", Some(&cookie));
    assert!(page.body.contains("Mitä muuttaisit?"), "{}", page.body);
    fac.wait_for("puhelimia 1");

    let ideas = [
        "Pidempi välitunti ja enemmän tekemistä ulos kaikille vuosikursseille",
        "Hiljainen tila opiskeluun kirjaston viereen, avoinna koko päivän",
        "Liikuntavälineet lainaan opiskelijakunnan kautta ilman maksua",
    ];
    for (n, text) in ideas.into_iter().enumerate() {
        let started = Instant::now();
        let sent = phone::post(
            addr,
            "/idea",
            Some(&cookie),
            &format!("text={}", encode(text)),
        );
        assert_eq!(sent.status, 303, "{}", sent.head);
        assert!(sent.head.contains("m=received"), "{}", sent.head);
        assert!(started.elapsed() < Duration::from_secs(2));
        if n == 0 {
            // The wall counts it (in big digits, with the word in the singular).
            wall.wait_for("idea kirjoitettu");
        }
    }
    // Saved before "received": the file holds them already, marked as from a phone.
    let added: Vec<_> = record(&session)
        .events
        .into_iter()
        .filter(|e| matches!(e.event, EventKind::IdeaAdded { .. }))
        .collect();
    assert_eq!(added.len(), 3);
    assert!(added.iter().all(|e| e.source == Some(EventSource::Phone)));
    let text = std::fs::read_to_string(&session).unwrap();
    assert!(
        !text.contains(&cookie[cookie.find('=').unwrap() + 1..]),
        "a device id in the log"
    );
    wall.wait_for("ideaa kirjoitettu");
    for text in ideas {
        assert!(
            !wall.screen().contains(&text[..20]),
            "a private idea on the wall"
        );
    }

    // Its own ideas are on its page; it edits one and withdraws another.
    let page = phone::get(addr, "/", Some(&cookie));
    for text in ideas {
        assert!(page.body.contains(text), "{}", page.body);
    }
    let edited = "Pidempi ruokatunti ja enemmän tekemistä ulos kaikille vuosikursseille";
    let body = format!("idea=1&text={}", encode(edited));
    let edit = phone::post(addr, "/idea/edit", Some(&cookie), &body);
    assert!(edit.head.contains("m=received"), "{}", edit.head);
    let withdraw = phone::post(addr, "/idea/withdraw", Some(&cookie), "idea=2");
    assert!(withdraw.head.contains("m=withdrawn"), "{}", withdraw.head);
    // Another phone cannot touch them.
    let other = phone::get(addr, &join, None).cookie().expect("a cookie");
    let theirs = phone::post(addr, "/idea/withdraw", Some(&other), "idea=3");
    assert!(theirs.head.contains("m=refused"), "{}", theirs.head);
    let log = record(&session);
    let ideas_now: Vec<&str> = log
        .events
        .iter()
        .filter_map(|e| match &e.event {
            EventKind::IdeaEdited { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(ideas_now, [edited]);
    assert_eq!(
        log.events
            .iter()
            .filter(|e| matches!(e.event, EventKind::IdeaRemoved { idea: 2 }))
            .count(),
        1
    );

    // Revealed: the wall shows the two ideas as the phone left them.
    fac.send_keys(&["n"]);
    fac.wait_for("piilossa");
    fac.send_keys(&["r"]);
    fac.wait_for("Vahvistus");
    fac.send_keys(&["Enter"]);
    wall.wait_for("2 ideaa");
    wall.wait_for("Pidempi ruokatunti");
    assert!(!wall.screen().contains("Hiljainen tila opiskeluun"));

    // The meeting ends: the server stops, and the phone's cookie opens nothing.
    fac.send_keys(&["q"]);
    fac.wait_for("Päätä kokous nyt");
    fac.send_keys(&["Enter"]);
    fac.wait_for("Kokous on päättynyt");
    let end = Instant::now() + tmux::DEADLINE;
    while std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
        assert!(
            Instant::now() < end,
            "the server still listens after the meeting"
        );
        std::thread::sleep(tmux::POLL);
    }
}

/// A form value as a browser encodes it.
fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Phones in the load test, each from an address of its own (per-address limits apply).
const PHONES: usize = 60;
/// Ideas each phone sends, one after another as fast as it is answered.
const IDEAS_EACH: usize = 5;

/// One request from a phone's own loopback address (127.0.0.x), as phones on a network have.
fn from(ip: std::net::Ipv4Addr, addr: SocketAddr, raw: &str) -> phone::Answer {
    use std::io::{Read, Write};
    let socket =
        socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).expect("a socket");
    socket
        .bind(&SocketAddr::from((ip, 0)).into())
        .expect("bind to the phone's address");
    socket.connect(&addr.into()).expect("connect");
    let mut stream: std::net::TcpStream = socket.into();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(raw.as_bytes()).expect("send");
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let head = text.split("\r\n\r\n").next().unwrap_or("").to_string();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    phone::Answer {
        status,
        head,
        body: String::new(),
    }
}

/// One phone: joins, then sends its ideas; returns how long each took to be "received".
fn one_phone(n: usize, addr: SocketAddr, join: &str, start: &std::sync::Barrier) -> Vec<Duration> {
    let ip = std::net::Ipv4Addr::new(127, 0, 1, n as u8 + 1);
    let joined = from(
        ip,
        addr,
        &format!("GET {join} HTTP/1.1\r\nHost: {addr}\r\n\r\n"),
    );
    let cookie = joined.cookie().expect("a cookie");
    start.wait();
    (0..IDEAS_EACH)
        .map(|k| {
            let body = format!("text=Puhelin+{n}+idea+{k}");
            let raw = format!(
                "POST /idea HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nContent-Type: \
                 application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let sent = Instant::now();
            let answer = from(ip, addr, &raw);
            assert!(
                answer.head.contains("m=received"),
                "phone {n}, idea {k}: {}",
                answer.head
            );
            sent.elapsed()
        })
        .collect()
}

#[test]
#[ignore = "needs tmux: run with `cargo test --release -- --include-ignored`, as .ci/run does"]
fn sixty_phones_writing_at_once_lose_and_double_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    prepare(&data);
    let (_fac, session, url) = start_meeting(&data);
    let (addr, join) = split(&url);
    let start = std::sync::Arc::new(std::sync::Barrier::new(PHONES));
    let phones: Vec<_> = (0..PHONES)
        .map(|n| {
            let (join, start) = (join.clone(), std::sync::Arc::clone(&start));
            std::thread::spawn(move || one_phone(n, addr, &join, &start))
        })
        .collect();
    let mut times: Vec<Duration> = phones
        .into_iter()
        .flat_map(|phone| phone.join().expect("a phone's thread"))
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    println!(
        "{} ideas from {PHONES} phones: time to \"received\" median {:?}, p99 {:?}, max {:?}",
        times.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
    // Every idea once, no other: nothing lost, nothing doubled.
    let mut texts: Vec<String> = record(&session)
        .events
        .into_iter()
        .filter_map(|e| match e.event {
            EventKind::IdeaAdded { text, .. } if e.source == Some(EventSource::Phone) => Some(text),
            _ => None,
        })
        .collect();
    texts.sort();
    let mut expected: Vec<String> = (0..PHONES)
        .flat_map(|n| (0..IDEAS_EACH).map(move |k| format!("Puhelin {n} idea {k}")))
        .collect();
    expected.sort();
    assert_eq!(texts, expected);
}

#[test]
#[ignore = "needs tmux and chromedriver (apt-get install chromium-driver), as .ci/run installs"]
fn a_phone_in_a_real_browser_joins_writes_and_follows_the_meeting() {
    assert!(
        webdriver::available(),
        "chromedriver is not installed (apt-get install -y chromium-driver): this test drives \
         the phone's page in a real browser"
    );
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    prepare(&data);
    let (fac, session, url) = start_meeting(&data);
    let wall = Tmux::start(&data, Launch::new(&["wall"]).size(100, 30));

    // A phone-sized window whose language is Finnish opens the QR code's address.
    let phone = webdriver::Browser::start(390, 844, "fi");
    phone.go(&url);
    phone.wait_for("Mitä muuttaisit?");
    phone.wait_for("Lähetä");
    let ideas = [
        "Pidempi välitunti",
        "Hiljainen tila",
        "Liikuntavälineet lainaan",
    ];
    for idea in ideas {
        phone.type_into("#text", idea);
        phone.click("form[action='/idea'] button");
        // Back on the page, its own ideas list the new one.
        phone.wait_for(&format!(">{idea}</textarea>"));
    }
    phone.wait_for("Vastaanotettu");
    let from_phones = |log: &SessionRecord| {
        log.events
            .iter()
            .filter(|e| e.source == Some(EventSource::Phone))
            .map(|e| e.event.clone())
            .collect::<Vec<_>>()
    };
    let texts: Vec<String> = from_phones(&record(&session))
        .into_iter()
        .filter_map(|kind| match kind {
            EventKind::IdeaAdded { text, .. } => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ideas);

    // The meeting moves on: the page follows by itself (its script), with no navigation.
    fac.send_keys(&["n"]);
    phone.wait_for("Idea näkyy seinällä heti");
    // The phone withdraws its first idea, still hidden.
    phone.click("form[action='/idea/withdraw'] button");
    phone.wait_for("Idea peruttu");
    assert!(
        from_phones(&record(&session))
            .iter()
            .any(|kind| matches!(kind, EventKind::IdeaRemoved { idea: 1 }))
    );

    // A dot vote on the two ideas left: the page shows its ballot by itself.
    fac.send_keys(&["r"]);
    fac.wait_for("Vahvistus");
    fac.send_keys(&["Enter"]);
    fac.wait_for("2 ideaa");
    fac.send_keys(&["n"]);
    fac.wait_for("Äänestetään ideoista");
    fac.send_keys(&["o"]);
    phone.wait_for("Jaa 3 pistettä");
    phone.clear_and_type("input[name='o0']", "2");
    phone.clear_and_type("input[name='o1']", "1");
    phone.click("input[name='side'][value='student']");
    phone.click("form[action='/ballot'] button:not([name])");
    phone.wait_for("Äänesi on tallennettu");
    phone.wait_for("Muuta ääntäsi");
    // Changed: four points in all, over the budget of three (each within the cap, so the
    // browser sends it), so refused; then two on the other idea, which stands.
    phone.clear_and_type("input[name='o0']", "2");
    phone.clear_and_type("input[name='o1']", "2");
    phone.click("form[action='/ballot'] button:not([name])");
    phone.wait_for("Pisteitä oli enemmän kuin 3. Vähennä jostakin");
    phone.clear_and_type("input[name='o0']", "");
    phone.clear_and_type("input[name='o1']", "2");
    phone.click("form[action='/ballot'] button:not([name])");
    phone.wait_for("Äänesi on tallennettu");
    let ballots: Vec<(Option<u32>, parvi::model::vote::Ballot)> = from_phones(&record(&session))
        .into_iter()
        .filter_map(|kind| match kind {
            EventKind::BallotCast {
                replaces, ballot, ..
            } => Some((replaces, ballot)),
            _ => None,
        })
        .collect();
    use parvi::model::vote::Ballot::{Dots, Fist, Pulse};
    assert_eq!(
        ballots,
        [(None, Dots(vec![2, 1])), (Some(1), Dots(vec![0, 2]))]
    );
    wall.wait_for("Ääniä annettu 1 / 2");
    close_vote(&fac);
    wall.wait_for("Eniten pisteitä: Liikuntavälineet lainaan");

    // A fist of five on a proposal: the phone sees the proposal and the scale.
    fac.send_keys(&["n"]);
    fac.wait_for("Ehdotusta ei ole vielä kirjoitettu");
    fac.send_keys(&["o"]);
    fac.wait_for("Ehdotus, josta äänestetään");
    fac.send_keys(&["End", "C-u"]);
    fac.send_text("Liikuntavälineet lainaan välitunneille");
    fac.send_keys(&["Enter"]);
    phone.wait_for("Liikuntavälineet lainaan välitunneille");
    phone.wait_for("Kannatan täysin");
    phone.click("input[name='value'][value='4']");
    phone.click("input[name='side'][value='student']");
    phone.click("form[action='/ballot'] button:not([name])");
    phone.wait_for("Äänesi on tallennettu");
    wall.wait_for("Ääniä annettu 1 / 2");
    close_vote(&fac);
    wall.wait_for("Kukaan ei estänyt: ehdotus hyväksytään.");

    // The check-out pulse: the fixed question, answered 1–5, the side left unsaid.
    fac.send_keys(&["n"]);
    fac.wait_for("Kuinka hyvin tulit tänään kuulluksi?");
    fac.send_keys(&["o"]);
    wall.wait_for("Vastauksia 0 / 2");
    phone.wait_for("Kuinka hyvin tulit tänään kuulluksi?");
    phone.wait_for("en halua sanoa");
    assert!(
        !phone.source().contains("name=\"abstain\""),
        "declining the pulse is not answering it"
    );
    phone.click("input[name='value'][value='4']");
    phone.click("input[name='side'][value='unsaid']");
    phone.click("form[action='/ballot'] button");
    phone.wait_for("Vastauksesi on tallennettu");
    phone.wait_for("Muuta vastaustasi");
    wall.wait_for("Vastauksia 1 / 2");
    assert!(
        !wall.screen().contains("Keskiarvo"),
        "no result on the wall before the close"
    );
    close_vote(&fac);
    wall.wait_for("Keskiarvo 4,0 / 5");

    // The log holds exactly what the phone sent: each ballot with its side, the pulse's
    // with none, and no device.
    let log = record(&session);
    let cast: Vec<(Option<u32>, Option<Side>, parvi::model::vote::Ballot)> = log
        .events
        .iter()
        .filter(|e| e.source == Some(EventSource::Phone))
        .filter_map(|e| match &e.event {
            EventKind::BallotCast {
                replaces,
                side,
                ballot,
                ..
            } => Some((*replaces, *side, ballot.clone())),
            _ => None,
        })
        .collect();
    let student = Some(Side::Student);
    assert_eq!(
        cast,
        [
            (None, student, Dots(vec![2, 1])),
            (Some(1), student, Dots(vec![0, 2])),
            (None, student, Fist(4)),
            (None, None, Pulse(4)),
        ]
    );
    let text = std::fs::read_to_string(&session).unwrap();
    assert!(
        !text.contains("cookie") && !text.contains("phone_id"),
        "no device in the log"
    );
}

#[test]
#[ignore = "needs tmux: run with `cargo test --release -- --include-ignored`, as .ci/run does"]
fn phones_vote_once_each_change_their_ballot_and_see_no_result_before_the_close() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    prepare(&data);
    let (fac, session, url) = start_meeting(&data);
    let wall = Tmux::start(&data, Launch::new(&["wall"]).size(100, 30));
    let (addr, join) = split(&url);
    let join_a_phone = || phone::get(addr, &join, None).cookie().expect("a cookie");
    let (first, second) = (join_a_phone(), join_a_phone());
    for text in ["Pidempi välitunti", "Hiljainen tila", "Kahvila"] {
        let sent = phone::post(
            addr,
            "/idea",
            Some(&first),
            &format!("text={}", encode(text)),
        );
        assert!(sent.head.contains("m=received"), "{}", sent.head);
    }
    // To the vote, opened on the three ideas.
    fac.send_keys(&["n"]);
    fac.wait_for("piilossa");
    fac.send_keys(&["r"]);
    fac.wait_for("Vahvistus");
    fac.send_keys(&["Enter"]);
    fac.wait_for("3 ideaa");
    fac.send_keys(&["n"]);
    fac.wait_for("Äänestetään ideoista");
    fac.send_keys(&["o"]);
    wall.wait_for("Ääniä annettu 0 / 2");

    // The page shows the vote: the options, the budget, the side; no results.
    let page = phone::get(addr, "/", Some(&first)).body;
    for text in [
        "action=\"/ballot\"",
        "Pidempi välitunti",
        "Jaa 3 pistettä",
        "opiskelija",
    ] {
        assert!(page.contains(text), "{text:?} missing:\n{page}");
    }
    let ballot = |cookie: &str, marks: &str, side: &str| {
        let body = format!("vote=1&n=3&kind=dots&{marks}&side={side}&lang=fi");
        phone::post(addr, "/ballot", Some(cookie), &body)
    };
    let voted = ballot(&first, "o0=2&o1=1&o2=", "student");
    assert!(voted.head.contains("m=voted"), "{}", voted.head);
    wall.wait_for("Ääniä annettu 1 / 2");
    // Changed: still one ballot; over the budget: refused, the first change stands.
    let changed = ballot(&first, "o0=&o1=1&o2=2", "student");
    assert!(changed.head.contains("m=voted"), "{}", changed.head);
    let over = ballot(&first, "o0=2&o1=2&o2=2", "student");
    assert!(over.head.contains("m=overbudget"), "{}", over.head);
    let page = phone::get(addr, "/", Some(&first)).body;
    assert!(page.contains("Muuta ääntäsi"), "{page}");
    assert!(
        page.contains("name=\"o2\" min=\"0\" max=\"2\" inputmode=\"numeric\" value=\"2\""),
        "{page}"
    );
    let theirs = ballot(&second, "o0=1&o1=&o2=", "staff");
    assert!(theirs.head.contains("m=voted"), "{}", theirs.head);
    wall.wait_for("Ääniä annettu 2 / 2");
    assert!(
        !wall.screen().contains("Eniten pisteitä"),
        "a result before the close"
    );
    let page = phone::get(addr, "/", Some(&second)).body;
    assert!(!page.contains("Eniten"), "{page}");

    // The log: three ballots from phones, the change in the first one's place.
    let log = record(&session);
    let cast: Vec<(Option<u32>, Option<Side>)> = log
        .events
        .iter()
        .filter(|e| e.source == Some(EventSource::Phone))
        .filter_map(|e| match &e.event {
            EventKind::BallotCast { replaces, side, .. } => Some((*replaces, *side)),
            _ => None,
        })
        .collect();
    assert_eq!(
        cast,
        [
            (None, Some(Side::Student)),
            (Some(1), Some(Side::Student)),
            (None, Some(Side::Staff))
        ]
    );
    close_vote(&fac);
    wall.wait_for("Eniten pisteitä: Kahvila");
    // Closed: the phones' page no longer offers the vote.
    let end = Instant::now() + tmux::DEADLINE;
    while phone::get(addr, "/", Some(&first))
        .body
        .contains("action=\"/ballot\"")
    {
        assert!(Instant::now() < end, "the closed vote is still offered");
        std::thread::sleep(tmux::POLL);
    }
}
