//! Recognises by its name a copy that a sync engine left beside a file both laptops changed,
//! and gives the name of the file it is a copy of.
//!
//! Syncthing: `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT`. Nextcloud and Dropbox:
//! `NAME (conflicted copy …).EXT`, `NAME (LAPTOP's conflicted copy …).EXT`; older ownCloud:
//! `NAME_conflict-YYYYMMDD-HHMMSS.EXT`. OneDrive's `NAME-LAPTOP.EXT` cannot be told from an
//! ordinary name in general, so it is recognised only where parvi's own names are strict: a
//! meeting's `DATE_UUID.json` with anything after the id (see [`session_original`]), and a
//! group by the id inside the file (in [`super::groups`]).

/// The name of the file that `name` is a sync engine's conflict copy of, for any file.
pub fn original(name: &str) -> Option<String> {
    syncthing(name)
        .or_else(|| conflicted_copy(name))
        .or_else(|| owncloud(name))
}

/// The name of the meeting file that `name` in `sessions/` is a copy of: any engine's
/// pattern, or a meeting's own name with something after the id (OneDrive's `-LAPTOP`,
/// a copy's ` (1)`).
pub fn session_original(name: &str) -> Option<String> {
    if let Some(original) = original(name) {
        return Some(original);
    }
    let stem = name.strip_suffix(".json")?;
    let (date, rest) = stem.split_once('_')?;
    // A uuid is 36 characters; a meeting's own name ends there.
    let (id, tail) = (rest.get(..36)?, rest.get(36..)?);
    let is_date = date.len() == 10 && date.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    (is_date && id.parse::<uuid::Uuid>().is_ok() && !tail.is_empty())
        .then(|| format!("{date}_{id}.json"))
}

/// `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE[.EXT]` → `NAME[.EXT]`.
fn syncthing(name: &str) -> Option<String> {
    let (stem, rest) = name.split_once(".sync-conflict-")?;
    let (stamp, ext) = match rest.split_once('.') {
        Some((stamp, ext)) => (stamp, Some(ext)),
        None => (rest, None),
    };
    let mut parts = stamp.splitn(3, '-');
    let digits = |s: Option<&str>, n: usize| {
        s.is_some_and(|s| s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
    };
    let ok = digits(parts.next(), 8)
        && digits(parts.next(), 6)
        && parts
            .next()
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_alphanumeric()));
    (ok && !stem.is_empty()).then(|| match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem.to_string(),
    })
}

/// `NAME (… conflicted copy …).EXT` → `NAME.EXT` (Nextcloud, Dropbox).
fn conflicted_copy(name: &str) -> Option<String> {
    let at = name.find("conflicted copy")?;
    let open = name[..at].rfind(" (")?;
    let close = at + name[at..].find(')')?;
    let (stem, ext) = (&name[..open], &name[close + 1..]);
    (!stem.is_empty() && (ext.is_empty() || ext.starts_with('.'))).then(|| format!("{stem}{ext}"))
}

/// `NAME_conflict-YYYYMMDD-HHMMSS.EXT` → `NAME.EXT` (ownCloud, older Nextcloud).
fn owncloud(name: &str) -> Option<String> {
    let (stem, rest) = name.rsplit_once("_conflict-")?;
    let (stamp, ext) = rest.split_once('.').unwrap_or((rest, ""));
    let ok = stamp.len() == 15
        && stamp.bytes().enumerate().all(|(i, b)| {
            if i == 8 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    (ok && !stem.is_empty()).then(|| {
        if ext.is_empty() {
            stem.to_string()
        } else {
            format!("{stem}.{ext}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEETING: &str = "2026-09-08_5a3f0c2e-8d41-4c6b-9f2a-1b7e6d9c0a01.json";

    #[test]
    fn every_engines_pattern_gives_the_original() {
        let stem = MEETING.trim_end_matches(".json");
        for copy in [
            format!("{stem}.sync-conflict-20261207-101112-ABCDEF7.json"),
            format!("{stem} (conflicted copy 2026-12-07 101112).json"),
            format!("{stem} (Opettajan läppäri's conflicted copy 2026-12-07).json"),
            format!("{stem}_conflict-20261207-101112.json"),
            format!("{stem}-OPETTAJA-LAPTOP.json"),
            format!("{stem} (1).json"),
        ] {
            assert_eq!(session_original(&copy).as_deref(), Some(MEETING), "{copy}");
        }
        assert_eq!(
            original("kotka-7c1e.sync-conflict-20261207-101112-ABCDEF7.json").as_deref(),
            Some("kotka-7c1e.json")
        );
    }

    #[test]
    fn ordinary_names_are_not_copies() {
        for name in [
            MEETING,
            "index.json",
            "hyvinvointiryhma-kotkan-kampus-7c1e.json",
            "conflict.json",
            "a.sync-conflict-2026-x.json",
            "a_conflict-notadate.json",
            ".parvi-abc.tmp",
        ] {
            assert_eq!(session_original(name), None, "{name}");
            assert_eq!(original(name), None, "{name}");
        }
    }
}
