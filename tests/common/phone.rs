//! A phone as the tests play it: raw HTTP/1.1 requests over loopback, one per connection,
//! and the answer read whole (the server closes the connection).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A response as the test reads it.
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Answer {
    /// The cookie the answer sets (its name and value).
    pub fn cookie(&self) -> Option<String> {
        self.head
            .lines()
            .find_map(|l| l.strip_prefix("Set-Cookie: "))
            .map(|c| c.split(';').next().unwrap_or("").to_string())
    }
}

/// Sends one raw request and reads the whole answer (the server closes the connection).
pub fn send(addr: SocketAddr, raw: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(raw).expect("send");
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Answer {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// A GET as a browser on the server's own address sends it, with `cookie` if any.
pub fn get(addr: SocketAddr, path: &str, cookie: Option<&str>) -> Answer {
    let cookie = cookie.map_or(String::new(), |c| format!("Cookie: {c}\r\n"));
    let raw = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{cookie}\r\n");
    send(addr, raw.as_bytes())
}

/// A form sent as a browser sends it (`body` already encoded).
pub fn post(addr: SocketAddr, path: &str, cookie: Option<&str>, body: &str) -> Answer {
    let cookie = cookie.map_or(String::new(), |c| format!("Cookie: {c}\r\n"));
    let raw = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\n{cookie}Content-Type: \
         application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    send(addr, raw.as_bytes())
}
