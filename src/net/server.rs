//! The phone server's listener and workers: accepts connections on one address, answers each
//! with one response, and stops when dropped.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::THREAD_NAME;
use super::guard::{self, Guard};
use super::http::{self, Bad, Request, Response};

/// Threads answering requests. Each request is short (a form, a page), so a few serve a
/// room of phones; a slow or silent client holds one for at most [`http::READ_LIMIT`].
const WORKERS: usize = 8;
/// Connections waiting for a worker before new ones are closed at once.
const QUEUE: usize = 64;
/// Connections one address may have open at once: a client that opens connections and
/// sends nothing holds only these workers, never all of them.
const PER_ADDRESS: u32 = 3;
/// Phones that may join one meeting.
pub const MAX_PHONES: u32 = 500;
/// The cookie that names a joined phone.
const COOKIE: &str = "parvi_phone";

/// The server's number for a joined phone (1, 2, 3… in the order they joined). It lives in
/// the server's memory only: it is never saved, and no device is ever named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneId(pub u32);

/// A joined phone's request, for the [`Handler`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneRequest {
    pub phone: PhoneId,
    pub method: String,
    pub path: String,
    pub query: String,
    /// The fields of a form (a POST's body).
    pub fields: Vec<(String, String)>,
    /// The browser's `Accept-Language`, for the page's language.
    pub accept_language: Option<String>,
}

/// What the app does with requests (see the module `net`).
pub trait Handler: Send + Sync + 'static {
    /// The page of a phone that has not joined (or whose cookie this meeting does not know):
    /// how to join by the room code, and that the code was wrong when `wrong_code`.
    fn join_page(&self, accept_language: Option<&str>, wrong_code: bool) -> Response;
    /// A joined phone's request.
    fn handle(&self, request: PhoneRequest) -> Response;
}

/// What the workers share.
struct Shared {
    addr: SocketAddr,
    token: String,
    room_code: String,
    handler: Box<dyn Handler>,
    guard: Mutex<Guard>,
    /// Cookie → phone. Only this server knows these cookies: a new meeting, a new server.
    phones: Mutex<HashMap<String, PhoneId>>,
    /// Open connections per address (see [`PER_ADDRESS`]).
    open: Mutex<HashMap<IpAddr, u32>>,
    stop: AtomicBool,
}

/// The running server; dropping it stops it.
pub struct PhoneServer {
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for PhoneServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhoneServer")
            .field("addr", &self.shared.addr)
            .finish_non_exhaustive()
    }
}

impl PhoneServer {
    /// Listens on `addr` (port 0: any free port) with a new join token and room code, and
    /// answers with `handler`.
    ///
    /// # Errors
    /// When the address cannot be listened on (not this computer's, or the port is taken).
    pub fn start(addr: SocketAddr, handler: impl Handler) -> io::Result<PhoneServer> {
        let listener = TcpListener::bind(addr)?;
        let shared = Arc::new(Shared {
            addr: listener.local_addr()?,
            token: guard::random_text(guard::TOKEN_LEN),
            room_code: guard::room_code(),
            handler: Box::new(handler),
            guard: Mutex::new(Guard::default()),
            phones: Mutex::new(HashMap::new()),
            open: Mutex::new(HashMap::new()),
            stop: AtomicBool::new(false),
        });
        let (queue, waiting) = mpsc::sync_channel::<(TcpStream, IpAddr)>(QUEUE);
        let waiting = Arc::new(Mutex::new(waiting));
        for _ in 0..WORKERS {
            let (shared, waiting) = (Arc::clone(&shared), Arc::clone(&waiting));
            std::thread::Builder::new()
                .name(THREAD_NAME.into())
                .spawn(move || work(&shared, &waiting))?;
        }
        let accepting = Arc::clone(&shared);
        let acceptor = std::thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || accept(&listener, &accepting, &queue))?;
        Ok(PhoneServer {
            shared,
            acceptor: Some(acceptor),
        })
    }

    /// The address phones reach the server at.
    pub fn addr(&self) -> SocketAddr {
        self.shared.addr
    }

    /// The address of the QR code: the raw address (phones do not resolve `.local` names)
    /// and the meeting's join token.
    pub fn join_url(&self) -> String {
        format!("http://{}/j/{}", self.shared.addr, self.shared.token)
    }

    /// The short code a phone can type instead of scanning.
    pub fn room_code(&self) -> &str {
        &self.shared.room_code
    }

    /// How many phones have joined.
    pub fn phones(&self) -> usize {
        lock(&self.shared.phones).len()
    }
}

impl Drop for PhoneServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Release);
        // Wake the acceptor from `accept` with a connection of our own.
        let _ = TcpStream::connect_timeout(&self.shared.addr, Duration::from_millis(200));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
        // The workers end when the queue's sender (the acceptor's) is gone; one busy with a
        // request finishes it (answering 503 from a handler whose meeting has gone).
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn accept(listener: &TcpListener, shared: &Shared, queue: &SyncSender<(TcpStream, IpAddr)>) {
    for stream in listener.incoming() {
        if shared.stop.load(Ordering::Acquire) {
            return;
        }
        let Ok(stream) = stream else {
            continue;
        };
        let Ok(peer) = stream.peer_addr() else {
            continue;
        };
        {
            let mut open = lock(&shared.open);
            let count = open.entry(peer.ip()).or_insert(0);
            if *count >= PER_ADDRESS {
                continue;
            }
            *count += 1;
        }
        match queue.try_send((stream, peer.ip())) {
            Ok(()) => {}
            // Every worker busy and the queue full: close at once rather than let the
            // connection wait (the phone's page tries again).
            Err(TrySendError::Full(_)) => closed(shared, peer.ip()),
            Err(TrySendError::Disconnected(_)) => return,
        }
    }
}

fn work(shared: &Shared, waiting: &Mutex<Receiver<(TcpStream, IpAddr)>>) {
    loop {
        let next = lock(waiting).recv();
        let Ok((stream, ip)) = next else {
            return;
        };
        let mut counted = true;
        // A failure in one request (a handler's panic) must not take the worker with it.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            serve(shared, stream, ip, &mut counted);
        }));
        if counted {
            closed(shared, ip);
        }
    }
}

/// One connection of `ip` is done.
fn closed(shared: &Shared, ip: IpAddr) {
    let mut open = lock(&shared.open);
    if let Some(count) = open.get_mut(&ip) {
        *count -= 1;
        if *count == 0 {
            open.remove(&ip);
        }
    }
}

/// Answers one connection.
fn serve(shared: &Shared, mut stream: TcpStream, ip: IpAddr, counted: &mut bool) {
    let _ = stream.set_read_timeout(Some(http::READ_LIMIT));
    let _ = stream.set_write_timeout(Some(http::READ_LIMIT));
    let response = if lock(&shared.guard).allow(ip, Instant::now()) {
        match http::read_request(&mut stream) {
            Ok(request) => answer(shared, ip, &request),
            Err(Bad::Gone) => return,
            Err(bad) => Response::text(bad.status(), ""),
        }
    } else {
        Response::text(429, "").with("Retry-After", "1".into())
    };
    // The connection stops counting against its address before the answer leaves: a
    // client that sends its next request as soon as it has the answer is never refused
    // because this one is still closing.
    closed(shared, ip);
    *counted = false;
    let _ = response.write_to(&mut stream);
    linger(stream);
}

/// Closes a connection so that the client reads the response: unread input at close would
/// make the system reset the connection, and the client might lose the answer (a refusal
/// of an oversized body, above all). So the sending side closes first, and what the client
/// still sends is read and dropped, a little and briefly.
fn linger(mut stream: TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 4096];
    let mut left: usize = 64 * 1024;
    while left > 0 {
        match std::io::Read::read(&mut stream, &mut sink) {
            Ok(0) | Err(_) => return,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

/// The response to one well-formed request.
fn answer(shared: &Shared, ip: IpAddr, request: &Request) -> Response {
    if !guard::host_ok(request.header("host"), shared.addr) {
        return Response::text(421, "");
    }
    let language = request.header("accept-language");
    if let Some(token) = request.path.strip_prefix("/j/") {
        return if request.method == "GET" && guard::same_secret(token, &shared.token) {
            // Scanning again keeps the phone it is (its ballot, its ideas).
            if request
                .cookie(COOKIE)
                .is_some_and(|cookie| lock(&shared.phones).contains_key(cookie))
            {
                return Response::redirect("/");
            }
            join(shared)
        } else {
            Response::text(404, "")
        };
    }
    if request.path == "/code" && request.method == "POST" {
        return code(shared, ip, request);
    }
    let phone = request
        .cookie(COOKIE)
        .and_then(|cookie| lock(&shared.phones).get(cookie).copied());
    let Some(phone) = phone else {
        let mut page = shared.handler.join_page(language, false);
        if request.method != "GET" {
            page.status = 403;
        }
        return page;
    };
    shared.handler.handle(PhoneRequest {
        phone,
        method: request.method.clone(),
        path: request.path.clone(),
        query: request.query.clone(),
        fields: http::form_fields(&request.body),
        accept_language: language.map(str::to_string),
    })
}

/// A room code typed on the join page.
fn code(shared: &Shared, ip: IpAddr, request: &Request) -> Response {
    let now = Instant::now();
    if !lock(&shared.guard).may_try_code(ip, now) {
        return Response::text(429, "").with("Retry-After", guard::LOCKOUT.as_secs().to_string());
    }
    let fields = http::form_fields(&request.body);
    let typed = fields
        .iter()
        .find(|(name, _)| name == "code")
        .map_or("", |(_, value)| value.trim());
    if guard::same_secret(typed, &shared.room_code) {
        return join(shared);
    }
    lock(&shared.guard).wrong_code(ip, now);
    let mut page = shared
        .handler
        .join_page(request.header("accept-language"), true);
    page.status = 403;
    page
}

/// A new phone: a cookie of its own, and on to the page.
fn join(shared: &Shared) -> Response {
    let mut phones = lock(&shared.phones);
    let Ok(count) = u32::try_from(phones.len()) else {
        return Response::text(503, "");
    };
    if count >= MAX_PHONES {
        return Response::text(503, "");
    }
    let cookie = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    phones.insert(cookie.clone(), PhoneId(count + 1));
    Response::redirect("/").with(
        "Set-Cookie",
        format!("{COOKIE}={cookie}; HttpOnly; SameSite=Strict; Path=/"),
    )
}
