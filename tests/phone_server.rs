//! The phone server on loopback, with a handler that records what reaches it: joining by the
//! QR code's address or the room code, and every refusal (a wrong token or code, a foreign
//! `Host`, an oversized body, a flood from one client, a cookie of an ended meeting) before
//! anything reaches the meeting.

use crate::phone;

use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use parvi::net::guard::{BURST, CODE_TRIES, PER_SECOND};
use parvi::net::http::{MAX_BODY, Response};
use parvi::net::{Handler, PhoneId, PhoneRequest, PhoneServer};
use phone::{Answer, send};

/// Records the requests that reach the meeting.
#[derive(Clone, Default)]
struct Recorder {
    calls: Arc<Mutex<Vec<PhoneRequest>>>,
}

impl Handler for Recorder {
    fn join_page(&self, _language: Option<&str>, wrong_code: bool) -> Response {
        Response::text(
            200,
            if wrong_code {
                "join: wrong code"
            } else {
                "join"
            },
        )
    }

    fn handle(&self, request: PhoneRequest) -> Response {
        let text = format!("phone {} {}", request.phone.0, request.path);
        self.calls.lock().unwrap().push(request);
        Response::text(200, &text)
    }
}

impl Recorder {
    fn count(&self) -> usize {
        self.calls.lock().unwrap().len()
    }
}

fn start() -> (PhoneServer, Recorder) {
    let recorder = Recorder::default();
    let server = PhoneServer::start("127.0.0.1:0".parse().unwrap(), recorder.clone())
        .expect("a server on loopback");
    (server, recorder)
}

fn get(server: &PhoneServer, path: &str, cookie: Option<&str>) -> Answer {
    phone::get(server.addr(), path, cookie)
}

fn post(server: &PhoneServer, path: &str, cookie: Option<&str>, body: &str) -> Answer {
    phone::post(server.addr(), path, cookie, body)
}

/// The path of the QR code's address.
fn join_path(server: &PhoneServer) -> String {
    let url = server.join_url();
    let prefix = format!("http://{}", server.addr());
    url.strip_prefix(&prefix)
        .expect("the raw address")
        .to_string()
}

fn join(server: &PhoneServer) -> String {
    let answer = get(server, &join_path(server), None);
    assert_eq!(answer.status, 303, "{}", answer.head);
    answer.cookie().expect("a cookie")
}

#[test]
fn the_qr_address_joins_a_phone_with_a_private_cookie() {
    let (server, recorder) = start();
    let token = join_path(&server);
    assert!(token.starts_with("/j/") && token.len() >= 3 + 16, "{token}");
    let answer = get(&server, &token, None);
    assert_eq!(answer.status, 303);
    assert!(answer.head.contains("Location: /\r\n"), "{}", answer.head);
    assert!(
        answer.head.contains("; HttpOnly; SameSite=Strict; Path=/"),
        "{}",
        answer.head
    );
    let cookie = answer.cookie().unwrap();
    let page = get(&server, "/", Some(&cookie));
    assert_eq!((page.status, page.body.as_str()), (200, "phone 1 /"));
    // Scanning again keeps the phone; another phone is the second.
    let again = get(&server, &token, Some(&cookie));
    assert_eq!((again.status, again.cookie()), (303, None));
    let second = join(&server);
    assert_ne!(second, cookie);
    assert_eq!(get(&server, "/", Some(&second)).body, "phone 2 /");
    assert_eq!(server.phones(), 2);
    // A form reaches the meeting with its fields.
    let sent = post(
        &server,
        "/idea",
        Some(&cookie),
        "text=Pidempi+v%C3%A4litunti",
    );
    assert_eq!(sent.status, 200);
    let calls = recorder.calls.lock().unwrap();
    let last = calls.last().unwrap();
    assert_eq!(last.phone, PhoneId(1));
    assert_eq!(last.method, "POST");
    assert_eq!(
        last.fields,
        vec![("text".into(), "Pidempi välitunti".into())]
    );
}

#[test]
fn a_wrong_token_or_no_cookie_reaches_nothing() {
    let (server, recorder) = start();
    let wrong = get(&server, "/j/aaaaaaaaaaaaaaaa", None);
    assert_eq!(wrong.status, 404);
    assert_eq!(wrong.cookie(), None);
    let short = get(&server, "/j/", None);
    assert_eq!(short.status, 404);
    // No cookie, or one this server never gave: the join page, nothing handled.
    assert_eq!(get(&server, "/", None).body, "join");
    assert_eq!(get(&server, "/", Some("parvi_phone=0123")).body, "join");
    let refused = post(&server, "/idea", Some("parvi_phone=0123"), "text=x");
    assert_eq!(refused.status, 403);
    assert_eq!(server.phones(), 0);
    assert_eq!(recorder.count(), 0);
}

#[test]
fn a_foreign_host_is_refused_as_dns_rebinding() {
    let (server, recorder) = start();
    let cookie = join(&server);
    for host in [
        "Host: evil.example\r\n".to_string(),
        format!("Host: evil.example:{}\r\n", server.addr().port()),
        format!("Host: localhost:{}\r\n", server.addr().port()),
        String::new(),
    ] {
        let raw = format!("GET / HTTP/1.1\r\n{host}Cookie: {cookie}\r\n\r\n");
        let answer = send(server.addr(), raw.as_bytes());
        assert_eq!(answer.status, 421, "{host:?}");
    }
    let token = join_path(&server);
    let raw = format!("GET {token} HTTP/1.1\r\nHost: evil.example\r\n\r\n");
    assert_eq!(send(server.addr(), raw.as_bytes()).status, 421);
    assert_eq!(recorder.count(), 0);
    assert_eq!(server.phones(), 1);
}

#[test]
fn an_oversized_or_endless_body_is_refused_unread() {
    let (server, recorder) = start();
    let cookie = join(&server);
    let body = "a".repeat(MAX_BODY + 1);
    assert_eq!(post(&server, "/idea", Some(&cookie), &body).status, 413);
    let raw = format!(
        "POST /idea HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\nTransfer-Encoding: \
         chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        server.addr()
    );
    assert_eq!(send(server.addr(), raw.as_bytes()).status, 411);
    let huge_head = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Pad: {}\r\n\r\n",
        server.addr(),
        "b".repeat(20_000)
    );
    assert_eq!(send(server.addr(), huge_head.as_bytes()).status, 431);
    assert_eq!(recorder.count(), 0);
    // The largest body allowed still goes through.
    let fits = format!("text={}", "a".repeat(MAX_BODY - 5));
    assert_eq!(post(&server, "/idea", Some(&cookie), &fits).status, 200);
    assert_eq!(recorder.count(), 1);
}

#[test]
fn a_thousand_requests_a_second_from_one_client_are_slowed_not_served() {
    let (server, recorder) = start();
    let cookie = join(&server);
    let started = Instant::now();
    let mut served = 0;
    let mut slowed = 0;
    for _ in 0..1000 {
        match get(&server, "/state", Some(&cookie)).status {
            200 => served += 1,
            429 => slowed += 1,
            other => panic!("status {other}"),
        }
    }
    let secs = started.elapsed().as_secs_f64();
    // The burst (less the join) plus the refill over the time taken, and not one more.
    let most = BURST as usize + (PER_SECOND * secs).ceil() as usize;
    assert!(served <= most, "{served} served in {secs:.2} s");
    assert_eq!(served + slowed, 1000);
    assert_eq!(recorder.count(), served);
    // The client is served again once it slows down.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if get(&server, "/state", Some(&cookie)).status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "never served again");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn wrong_room_codes_lock_the_client_out_and_the_right_one_joins() {
    let (server, recorder) = start();
    let code = server.room_code().to_string();
    assert_eq!(code.len(), 6);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..CODE_TRIES {
        let answer = post(&server, "/code", None, &format!("code={wrong}"));
        assert_eq!(
            (answer.status, answer.body.as_str()),
            (403, "join: wrong code")
        );
    }
    // Locked out: even the right code waits.
    let locked = post(&server, "/code", None, &format!("code={code}"));
    assert_eq!(locked.status, 429);
    assert!(locked.head.contains("Retry-After: 60"), "{}", locked.head);
    assert_eq!(server.phones(), 0);

    let (fresh, _) = start();
    let code = fresh.room_code().to_string();
    let joined = post(&fresh, "/code", None, &format!("code=+{code}+"));
    assert_eq!(joined.status, 303);
    let cookie = joined.cookie().expect("a cookie");
    assert_eq!(get(&fresh, "/", Some(&cookie)).body, "phone 1 /");
    assert_eq!(recorder.count(), 0);
}

#[test]
fn a_cookie_of_an_ended_meeting_joins_nothing_and_the_server_stops() {
    let (first, _) = start();
    let cookie = join(&first);
    let old = first.addr();
    drop(first);
    assert!(
        TcpStream::connect_timeout(&old, Duration::from_secs(1)).is_err(),
        "the server still listens"
    );
    let (next, recorder) = start();
    assert_eq!(get(&next, "/", Some(&cookie)).body, "join");
    assert_eq!(post(&next, "/idea", Some(&cookie), "text=x").status, 403);
    assert_eq!(recorder.count(), 0);
}

#[test]
fn idle_connections_hold_only_their_own_clients_share() {
    let (server, _) = start();
    let cookie = join(&server);
    // Three connections that send nothing: this address's share of the workers.
    let idle: Vec<TcpStream> = (0..3)
        .map(|_| TcpStream::connect(server.addr()).expect("connect"))
        .collect();
    let deadline = Instant::now() + Duration::from_secs(5);
    // The fourth is closed unanswered (once the server has seen the three).
    while get(&server, "/", Some(&cookie)).status != 0 {
        assert!(Instant::now() < deadline, "a fourth connection was served");
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(idle);
    let deadline = Instant::now() + Duration::from_secs(5);
    while get(&server, "/", Some(&cookie)).status != 200 {
        assert!(Instant::now() < deadline, "never served again");
        std::thread::sleep(Duration::from_millis(20));
    }
}
