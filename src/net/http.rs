//! One HTTP/1.1 exchange on one connection, with hard limits: the request read and parsed
//! (`httparse`), the response written, the connection closed.
//!
//! A phone on the room's network sends small forms; nothing it needs is large or slow. So
//! every limit is tight and checked before anything is kept: the head at most
//! [`MAX_HEAD`] bytes, the body at most [`MAX_BODY`] bytes and only with a `Content-Length`,
//! a few seconds to arrive. One request per connection (`Connection: close`): phones send a
//! request every few seconds at most, and a closed connection holds no thread.

use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

/// The most bytes of request line and headers.
pub const MAX_HEAD: usize = 8 * 1024;
/// The most bytes of a request body (an idea is at most a few hundred characters).
pub const MAX_BODY: usize = 16 * 1024;
/// The most headers a request may have.
const MAX_HEADERS: usize = 32;
/// How long a whole request may take to arrive (a slow sender holds a worker no longer).
pub const READ_LIMIT: Duration = Duration::from_secs(5);

/// A request as the server needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path without the query.
    pub path: String,
    pub query: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// The first header called `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of cookie `name`, if the request sent it.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == "cookie")
            .flat_map(|(_, v)| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }
}

/// Why a request was not read; each has its status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bad {
    /// Not HTTP, or broken (400).
    Malformed,
    /// The head is larger than [`MAX_HEAD`] (431).
    HeadTooLarge,
    /// The body is larger than [`MAX_BODY`] (413).
    BodyTooLarge,
    /// A body without a length, e.g. chunked (411).
    NoLength,
    /// The request did not arrive in time, or the connection closed (no answer).
    Gone,
}

impl Bad {
    pub fn status(self) -> u16 {
        match self {
            Bad::Malformed | Bad::Gone => 400,
            Bad::HeadTooLarge => 431,
            Bad::BodyTooLarge => 413,
            Bad::NoLength => 411,
        }
    }
}

/// Reads one request from `stream`, which must have a read timeout set (the whole request
/// must also arrive within [`READ_LIMIT`]).
pub fn read_request(stream: &mut impl Read) -> Result<Request, Bad> {
    let started = Instant::now();
    let mut data = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    let (head_len, mut request) = loop {
        if let Some(parsed) = parse_head(&data)? {
            break parsed;
        }
        if data.len() > MAX_HEAD {
            return Err(Bad::HeadTooLarge);
        }
        read_some(stream, &mut chunk, &mut data, started)?;
    };
    let length = match request.header("content-length") {
        Some(text) => text.trim().parse::<usize>().map_err(|_| Bad::Malformed)?,
        None if request.header("transfer-encoding").is_some() => return Err(Bad::NoLength),
        None => 0,
    };
    if length > MAX_BODY {
        return Err(Bad::BodyTooLarge);
    }
    let mut body = data.split_off(head_len);
    while body.len() < length {
        read_some(stream, &mut chunk, &mut body, started)?;
    }
    if body.len() > length {
        // Pipelined requests are not served: one request per connection.
        body.truncate(length);
    }
    request.body = body;
    Ok(request)
}

fn read_some(
    stream: &mut impl Read,
    chunk: &mut [u8],
    into: &mut Vec<u8>,
    started: Instant,
) -> Result<(), Bad> {
    if started.elapsed() > READ_LIMIT {
        return Err(Bad::Gone);
    }
    match stream.read(chunk) {
        Ok(0) | Err(_) => Err(Bad::Gone),
        Ok(n) => {
            into.extend_from_slice(&chunk[..n]);
            Ok(())
        }
    }
}

/// The request line and headers, once they are all in `data`: their length and the request
/// without its body.
fn parse_head(data: &[u8]) -> Result<Option<(usize, Request)>, Bad> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    let head_len = match parsed.parse(data) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => return Err(Bad::HeadTooLarge),
        Err(_) => return Err(Bad::Malformed),
    };
    if head_len > MAX_HEAD {
        return Err(Bad::HeadTooLarge);
    }
    let target = parsed.path.unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers = parsed
        .headers
        .iter()
        .map(|h| {
            let value = std::str::from_utf8(h.value).map_err(|_| Bad::Malformed)?;
            Ok((h.name.to_ascii_lowercase(), value.to_string()))
        })
        .collect::<Result<Vec<_>, Bad>>()?;
    Ok(Some((
        head_len,
        Request {
            method: parsed.method.unwrap_or("").to_string(),
            path: path.to_string(),
            query: query.to_string(),
            headers,
            body: Vec::new(),
        },
    )))
}

/// A response: its status, headers and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

/// What every response says about itself: nothing is cached or framed, no script or style
/// comes from anywhere but this server, and no address leaves the page.
const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
         img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
];

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body: body.into(),
        }
    }

    /// A short plain-text answer, e.g. for a refusal.
    pub fn text(status: u16, text: &str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", text)
    }

    /// "See other": the browser goes to `location` with a GET (after a form is sent).
    pub fn redirect(location: &str) -> Response {
        Response::text(303, "").with("Location", location.to_string())
    }

    pub fn with(mut self, name: &'static str, value: String) -> Response {
        self.headers.push((name, value));
        self
    }

    /// Writes the response and its security headers.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        for (name, value) in SECURITY_HEADERS {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        out.write_all(head.as_bytes())?;
        out.write_all(&self.body)?;
        out.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Content Too Large",
        421 => "Misdirected Request",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// The fields of a form body (`application/x-www-form-urlencoded`).
pub fn form_fields(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &[u8]) -> Result<Request, Bad> {
        read_request(&mut &text[..])
    }

    #[test]
    fn a_form_is_read_with_its_headers_cookie_and_body() {
        let request = read(
            b"POST /idea?x=1 HTTP/1.1\r\nHost: 10.0.0.2:8127\r\nCookie: a=1; parvi=abc\r\n\
              Content-Length: 15\r\n\r\ntext=Hei+maa%21GET / HTTP/1.1",
        )
        .unwrap();
        assert_eq!(request.method, "POST");
        assert_eq!(request.path, "/idea");
        assert_eq!(request.query, "x=1");
        assert_eq!(request.header("host"), Some("10.0.0.2:8127"));
        assert_eq!(request.cookie("parvi"), Some("abc"));
        assert_eq!(request.cookie("b"), None);
        // What follows the body (a pipelined request) is not part of it.
        assert_eq!(request.body, b"text=Hei+maa%21");
        assert_eq!(
            form_fields(b"text=Hei+maa%21&n=2"),
            vec![("text".into(), "Hei maa!".into()), ("n".into(), "2".into())]
        );
    }

    #[test]
    fn limits_refuse_before_reading_on() {
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD + 10));
        assert_eq!(read(huge.as_bytes()), Err(Bad::HeadTooLarge));
        let big = format!(
            "POST / HTTP/1.1\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY + 1
        );
        assert_eq!(read(big.as_bytes()), Err(Bad::BodyTooLarge));
        assert_eq!(
            read(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Err(Bad::NoLength)
        );
        assert_eq!(read(b"\x16\x03\x01 hello\r\n\r\n"), Err(Bad::Malformed));
        // The body promised but never sent: the connection closes.
        assert_eq!(
            read(b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab"),
            Err(Bad::Gone)
        );
        let many: String = (0..40).map(|i| format!("H{i}: x\r\n")).collect();
        let many = format!("GET / HTTP/1.1\r\n{many}\r\n");
        assert_eq!(read(many.as_bytes()), Err(Bad::HeadTooLarge));
    }

    #[test]
    fn a_response_carries_its_length_and_the_security_headers() {
        let mut out = Vec::new();
        Response::redirect("/")
            .with("Set-Cookie", "a=b".into())
            .write_to(&mut out)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 303 See Other\r\n"), "{text}");
        assert!(text.contains("Location: /\r\n"));
        assert!(text.contains("Set-Cookie: a=b\r\n"));
        assert!(text.contains("Content-Security-Policy: default-src 'none'"));
        assert!(text.ends_with("Content-Length: 0\r\nConnection: close\r\n\r\n"));
    }
}
