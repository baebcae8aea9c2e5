//! Who may talk to the phone server: the meeting's join token and room code, each phone's
//! cookie, the `Host` header, and how often one address may ask.
//!
//! The threat is the room's own network: anyone on it can send requests, and anyone who sees
//! the QR code can join. So joining needs the token of the QR code (80 random bits) or the
//! short room code, which a lockout keeps from being guessed; a joined phone is known by a
//! random cookie (128 bits) that only this server, for this meeting, accepts; a page reached
//! through another name (DNS rebinding) is refused by its `Host`; and one address gets only
//! so many requests a second, so a flood costs the meeting nothing.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

/// The letters of tokens and codes: no 0/o, 1/l/i, so a token read aloud survives.
const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// Random text of `len` letters of [`ALPHABET`] (just under 5 bits each) from the system's
/// random source (through `uuid`, already a dependency).
pub fn random_text(len: usize) -> String {
    let mut out = String::with_capacity(len);
    while out.len() < len {
        for byte in uuid::Uuid::new_v4().as_bytes() {
            // Only bytes below the largest multiple of the alphabet's size: no letter is
            // likelier than another.
            let limit = 256 - 256 % ALPHABET.len();
            if usize::from(*byte) < limit && out.len() < len {
                out.push(char::from(ALPHABET[usize::from(*byte) % ALPHABET.len()]));
            }
        }
    }
    out
}

/// Letters in the join token: 16 × log2(31) ≈ 79 bits.
pub const TOKEN_LEN: usize = 16;
/// Digits in the room code typed by hand.
pub const ROOM_CODE_LEN: usize = 6;
/// Wrong room codes from one address before it must wait.
pub const CODE_TRIES: u32 = 5;
/// How long an address that guessed wrong too often must wait.
pub const LOCKOUT: Duration = Duration::from_secs(60);
/// Wrong room codes from all addresses together before typed codes stop working for this
/// meeting (the QR code still works): many addresses cannot share the guessing either.
pub const CODE_TRIES_ALL: u32 = 100;

/// Requests one address may make in a burst, and how many more each second.
pub const BURST: f64 = 40.0;
pub const PER_SECOND: f64 = 10.0;

/// A short room code of digits.
pub fn room_code() -> String {
    let mut code = String::new();
    while code.len() < ROOM_CODE_LEN {
        for byte in uuid::Uuid::new_v4().as_bytes() {
            if *byte < 250 && code.len() < ROOM_CODE_LEN {
                code.push(char::from(b'0' + byte % 10));
            }
        }
    }
    code
}

/// Compares secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Whether `host` (the request's `Host` header) names this server's own address, the only
/// name a phone reaches it by (the QR code carries the raw address).
pub fn host_ok(host: Option<&str>, server: SocketAddr) -> bool {
    let Some(host) = host else {
        return false;
    };
    let expected = match server.ip() {
        IpAddr::V4(ip) => format!("{ip}:{}", server.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", server.port()),
    };
    host.eq_ignore_ascii_case(&expected)
        || (server.port() == 80 && host.eq_ignore_ascii_case(&expected[..expected.len() - 3]))
}

/// One address's budget of requests: a bucket refilled at [`PER_SECOND`] up to [`BURST`].
#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// What the guard remembers: request budgets and wrong codes per address.
#[derive(Debug, Default)]
pub struct Guard {
    buckets: HashMap<IpAddr, Bucket>,
    wrong_codes: HashMap<IpAddr, (u32, Instant)>,
    wrong_codes_all: u32,
}

/// How many addresses the guard remembers before it forgets the idle ones (a bound on its
/// memory, whatever the network sends).
const REMEMBERED: usize = 4096;

impl Guard {
    /// Whether `ip` may make a request now (and counts it).
    pub fn allow(&mut self, ip: IpAddr, now: Instant) -> bool {
        if self.buckets.len() >= REMEMBERED {
            self.buckets
                .retain(|_, b| now.duration_since(b.at) < Duration::from_secs(10));
        }
        let bucket = self.buckets.entry(ip).or_insert(Bucket {
            tokens: BURST,
            at: now,
        });
        let refill = now.duration_since(bucket.at).as_secs_f64() * PER_SECOND;
        bucket.tokens = (bucket.tokens + refill).min(BURST);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Whether `ip` may try a room code now.
    pub fn may_try_code(&mut self, ip: IpAddr, now: Instant) -> bool {
        if self.wrong_codes_all >= CODE_TRIES_ALL {
            return false;
        }
        match self.wrong_codes.get(&ip) {
            Some((count, since)) if *count >= CODE_TRIES => {
                if now.duration_since(*since) >= LOCKOUT {
                    self.wrong_codes.remove(&ip);
                    true
                } else {
                    false
                }
            }
            _ => true,
        }
    }

    /// Counts a wrong room code from `ip`.
    pub fn wrong_code(&mut self, ip: IpAddr, now: Instant) {
        if self.wrong_codes.len() >= REMEMBERED {
            self.wrong_codes
                .retain(|_, (_, since)| now.duration_since(*since) < LOCKOUT);
        }
        self.wrong_codes_all += 1;
        let entry = self.wrong_codes.entry(ip).or_insert((0, now));
        entry.0 += 1;
        entry.1 = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_codes_are_random_and_of_their_alphabet() {
        let a = random_text(TOKEN_LEN);
        let b = random_text(TOKEN_LEN);
        assert_eq!(a.len(), TOKEN_LEN);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)), "{a}");
        let code = room_code();
        assert_eq!(code.len(), ROOM_CODE_LEN);
        assert!(code.bytes().all(|c| c.is_ascii_digit()), "{code}");
        assert!(same_secret(&a, &a.clone()));
        assert!(!same_secret(&a, &b));
        assert!(!same_secret(&a, &a[..5]));
    }

    #[test]
    fn only_the_servers_own_address_is_a_good_host() {
        let server: SocketAddr = "192.168.1.23:8127".parse().unwrap();
        assert!(host_ok(Some("192.168.1.23:8127"), server));
        assert!(!host_ok(Some("192.168.1.23"), server));
        assert!(!host_ok(Some("evil.example:8127"), server));
        assert!(!host_ok(Some("192.168.1.23:8127.evil.example"), server));
        assert!(!host_ok(None, server));
        let web: SocketAddr = "10.0.0.1:80".parse().unwrap();
        assert!(host_ok(Some("10.0.0.1"), web));
        let six: SocketAddr = "[fe80::1]:8127".parse().unwrap();
        assert!(host_ok(Some("[fe80::1]:8127"), six));
    }

    #[test]
    fn an_address_gets_a_burst_then_its_rate() {
        let mut guard = Guard::default();
        let ip: IpAddr = "10.0.0.5".parse().unwrap();
        let other: IpAddr = "10.0.0.6".parse().unwrap();
        let start = Instant::now();
        let allowed = (0..1000).filter(|_| guard.allow(ip, start)).count();
        assert_eq!(allowed, BURST as usize);
        assert!(guard.allow(other, start), "another address is not slowed");
        let later = start + Duration::from_secs(1);
        let allowed = (0..1000).filter(|_| guard.allow(ip, later)).count();
        assert_eq!(allowed, PER_SECOND as usize);
    }

    #[test]
    fn wrong_room_codes_lock_an_address_out_for_a_while() {
        let mut guard = Guard::default();
        let ip: IpAddr = "10.0.0.5".parse().unwrap();
        let now = Instant::now();
        for _ in 0..CODE_TRIES {
            assert!(guard.may_try_code(ip, now));
            guard.wrong_code(ip, now);
        }
        assert!(!guard.may_try_code(ip, now));
        assert!(guard.may_try_code("10.0.0.7".parse().unwrap(), now));
        assert!(guard.may_try_code(ip, now + LOCKOUT));
    }
}
