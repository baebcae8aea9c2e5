//! Which of this computer's addresses phones should use: one on the room's local network.
//!
//! Phones reach the laptop by the raw address in the QR code, so it must be one they can
//! route to: a private IPv4 address (the school's Wi-Fi, or the laptop's own hotspot, e.g.
//! 10.42.0.1 on Linux or 192.168.137.1 on Windows). Loopback and link-local addresses are
//! never chosen; nor is IPv6, which phones on such networks often lack.

use std::net::{IpAddr, Ipv4Addr};

/// The port phones use unless it is taken (then any free one).
pub const PORT: u16 = 8127;

/// This computer's IPv4 addresses on local networks, private ones first, each with its
/// interface's name.
pub fn candidates() -> Vec<(String, Ipv4Addr)> {
    let Ok(interfaces) = local_ip_address::list_afinet_netifas() else {
        return Vec::new();
    };
    let mut found: Vec<(String, Ipv4Addr)> = interfaces
        .into_iter()
        .filter_map(|(name, ip)| match ip {
            IpAddr::V4(v4) if usable(v4) => Some((name, v4)),
            _ => None,
        })
        .collect();
    found.sort_by_key(|(_, ip)| !ip.is_private());
    found.dedup_by_key(|(_, ip)| *ip);
    found
}

/// Whether phones could reach `ip`: not loopback, link-local, unspecified or broadcast.
pub fn usable(ip: Ipv4Addr) -> bool {
    !(ip.is_loopback() || ip.is_link_local() || ip.is_unspecified() || ip.is_broadcast())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_addresses_a_phone_could_reach_are_offered() {
        assert!(usable(Ipv4Addr::new(192, 168, 1, 23)));
        assert!(usable(Ipv4Addr::new(10, 42, 0, 1)));
        assert!(!usable(Ipv4Addr::LOCALHOST));
        assert!(!usable(Ipv4Addr::new(169, 254, 3, 4)));
        assert!(!usable(Ipv4Addr::UNSPECIFIED));
        for (_, ip) in candidates() {
            assert!(usable(ip), "{ip}");
        }
    }
}
