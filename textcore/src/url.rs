//! URLs as Python's `urllib.parse` reads them: the spam rules ask for a link's host, the
//! title rules for the words of a page's URL slug, and both must read a URL exactly as
//! the Python implementation they replaced did (`urlsplit`, `.hostname`, `unquote`),
//! including which URLs `urlsplit` rejects.

use crate::fold::casefold;
use crate::pychar::is_digit;

/// A URL split as `urlsplit` splits it: (netloc, path); None where it raises ValueError.
pub fn split_url(url: &str) -> Option<(String, String)> {
    let u: String = url.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !"\t\r\n".contains(*c)).collect();
    let mut rest = u.as_str();
    if let Some(i) = rest.find(':') {
        let scheme = &rest[..i];
        if i > 0 && rest.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            rest = &rest[i + 1..];
        }
    }
    let mut netloc = "";
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        (netloc, rest) = (&after[..end], &after[end..]);
        if netloc.contains('[') != netloc.contains(']') {
            return None;
        }
        if let Some((_, tail)) = netloc.split_once('[') {
            if !bracketed_host_ok(tail.split_once(']').map_or(tail, |(h, _)| h)) {
                return None;
            }
        }
    }
    let path = rest.split_once('#').map_or(rest, |(p, _)| p);
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    if !netloc.is_ascii() {
        // `_checknetloc`: NFKC must not make URL syntax out of other characters
        let n: String = netloc.chars().filter(|c| !"@:#?".contains(*c)).collect();
        let normal: String = unicode_normalization::UnicodeNormalization::nfkc(n.as_str()).collect();
        if normal != n && normal.contains(['/', '?', '#', '@', ':']) {
            return None;
        }
    }
    Some((netloc.to_string(), path.to_string()))
}

/// `_check_bracketed_host`: an IPv6 address (with an optional zone) or an IPvFuture.
fn bracketed_host_ok(host: &str) -> bool {
    if let Some(rest) = host.strip_prefix('v') {
        let hex = rest.chars().take_while(char::is_ascii_hexdigit).count();
        return hex > 0 && rest[hex..].strip_prefix('.').is_some_and(|tail| !tail.is_empty() && !tail.contains('\n'));
    }
    let addr = match host.split_once('%') {
        Some((a, zone)) if !zone.is_empty() && !zone.contains('%') => a,
        Some(_) => return false,
        None => host,
    };
    addr.parse::<std::net::Ipv6Addr>().is_ok()
}

/// The host of a URL as `urlsplit(url).hostname` gives it, a scheme-less URL read as
/// "http://" + url ("" when it has none or `urlsplit` rejects the URL).
pub fn url_host(url: &str) -> String {
    let full = if url.contains("://") { url.to_string() } else { format!("http://{url}") };
    let Some((netloc, _)) = split_url(&full) else { return String::new() };
    let hostinfo = netloc.rsplit_once('@').map_or(netloc.as_str(), |(_, h)| h);
    let host = match hostinfo.split_once('[') {
        Some((_, bracketed)) => bracketed.split_once(']').map_or(bracketed, |(h, _)| h),
        None => hostinfo.split_once(':').map_or(hostinfo, |(h, _)| h),
    };
    let (name, zone) = host.split_once('%').map_or((host, None), |(h, z)| (h, Some(z)));
    match zone {
        Some(z) => format!("{}%{}", name.to_lowercase(), z),
        None => name.to_lowercase(),
    }
}

/// `urllib.parse.unquote`: %XX escapes in runs of ASCII decoded as UTF-8 (invalid bytes
/// become U+FFFD), other characters as they are.
pub fn unquote(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<u8> = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] >= 0x80 {
            out.push_str(&String::from_utf8_lossy(&run));
            run.clear();
            let c = text[i..].chars().next().unwrap_or('\u{fffd}');
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        let hex = |x: u8| (x as char).to_digit(16);
        match (b[i], b.get(i + 1).and_then(|&x| hex(x)), b.get(i + 2).and_then(|&x| hex(x))) {
            (b'%', Some(h), Some(l)) => {
                run.push((h * 16 + l) as u8);
                i += 3;
            }
            (x, _, _) => {
                run.push(x);
                i += 1;
            }
        }
    }
    out.push_str(&String::from_utf8_lossy(&run));
    out
}

/// The words of the URL's longest path segment (its slug) when it has 3 or more: the
/// segment unquoted, case-folded and cut at `-`, `_`, `+` and `.`, numbers left out.
pub fn slug_words(url: &str) -> Vec<String> {
    let Some((_, path)) = split_url(url) else { return Vec::new() };
    let mut best: Vec<String> = Vec::new();
    for part in unquote(&path).split('/').filter(|p| !p.is_empty()) {
        let folded = casefold(part);
        let ws: Vec<String> = folded
            .split(['-', '_', '+', '.'])
            .filter(|w| !w.is_empty() && !w.chars().all(is_digit))
            .map(str::to_string)
            .collect();
        if ws.len() > best.len() {
            best = ws;
        }
    }
    if best.len() >= 3 { best } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_as_python_reads_them() {
        assert_eq!(url_host("https://User@WWW.Casino88.top:8080/x"), "www.casino88.top");
        assert_eq!(url_host("casino88.top/x?y"), "casino88.top");
        assert_eq!(url_host("http://[::1]:80/"), "::1");
        assert_eq!(url_host("http://[1.2.3.4]/"), ""); // IPv4 in brackets: urlsplit raises
        assert_eq!(url_host("http://[fe80::1%eth0]/"), "fe80::1%eth0");
        assert_eq!(url_host("http://a[b/"), "");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug_words("https://x.com/2024/05/council-approves-new-budget.html?a=1#top"),
                   vec!["council", "approves", "new", "budget", "html"]);
        assert_eq!(slug_words("https://x.com/news/12345"), Vec::<String>::new());
        assert_eq!(slug_words("https://x.com/caf%C3%A9-sur-la-place"), vec!["café", "sur", "la", "place"]);
        assert_eq!(slug_words("https://x.com/bad%FF-a-b"), vec!["bad\u{fffd}", "a", "b"]);
        assert_eq!(slug_words("http://[x/a-b-c"), Vec::<String>::new());
    }
}
