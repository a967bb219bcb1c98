#!/usr/bin/env python3
"""Writes fnmatch-cases.tsv: (pattern, text, expected) rows whose expected value is
Python's own fnmatch.fnmatchcase, so TagGlob is checked against the reference and
not against anyone's reading of it.

Run with Python 3.11 (the semantics of fnmatch.translate changed between releases):

    python3 generate-fnmatch-cases.py > fnmatch-cases.tsv

Output is deterministic (fixed seed, no set iteration order involved).
Columns are tab-separated: pattern, text, "true"/"false"; the first line is a header.
No field may contain a tab, CR or LF, so no escaping is needed; the generator refuses
such cases instead (newline behaviour is covered by TagGlobTests' inline cases).
"""
import fnmatch
import random
import sys
import warnings

if sys.version_info[:2] != (3, 11):
    sys.exit(f"needs Python 3.11 (got {sys.version.split()[0]}): fnmatch semantics differ between releases")

# re warns (FutureWarning) about "possible nested set" / "set difference" for some
# translated classes such as [[] or [a--b]; those are only warnings, the match still works.
warnings.simplefilter("ignore")

SEED = 20251128
RANDOM_CASES = 3000
UNICODE_CASES = 300

# Small alphabet so that every bracket/hyphen/negation edge case comes up often.
ALPHABET = "ab/-!]*?[\\z"
# Non-ASCII (including astral code points, which are surrogate pairs in .NET strings).
UNICODE_ALPHABET = "a-[]!*?\\\u00e9\u00ff\u0100\U0001F600\U0001D11E"

HAND_PICKED = [
    # Salt-style event tags: '*' crosses '/'.
    ("minion/*/docker/container/die", "minion/a/b/docker/container/die"),
    ("minion/*/docker/container/die", "minion/web1/docker/container/die"),
    ("minion/*/docker/container/die", "minion//docker/container/die"),
    ("minion/*/docker/container/die", "minion/web1/docker/container/start"),
    ("minion/*/docker/container/die", "minion/docker/container/die"),
    ("salt/job/*/ret/*", "salt/job/20240101/ret/web1"),
    ("salt/job/*/ret/*", "salt/job/20240101/ret/"),
    ("salt/job/*/ret/*", "salt/job/1/2/ret/a/b"),
    ("salt/job/*/ret/*", "salt/job/20240101/new"),
    ("salt/job/*/ret/*", "salt/job/ret/x"),
    ("salt/minion/*/start", "salt/minion/web1/start"),
    ("salt/auth", "salt/auth"),
    ("salt/auth", "salt/auth/"),
    ("salt/auth", "salt/aut"),
    ("salt/*", "salt/"),
    ("salt/*", "salt"),
    ("salt/*", "salt/a/b/c"),
    ("*/ret/*", "salt/job/1/ret/m"),
    ("salt/job/?/ret/*", "salt/job/1/ret/m"),
    ("salt/job/?/ret/*", "salt/job/12/ret/m"),
    ("salt/job/[0-9]*/ret/*", "salt/job/2024/ret/m"),
    ("salt/job/[0-9]*/ret/*", "salt/job/x2024/ret/m"),
    ("salt/job/[!0-9]*", "salt/job/x"),
    ("salt/job/[!0-9]*", "salt/job/1"),
    # Empty pattern / empty text.
    ("", ""),
    ("", "a"),
    ("a", ""),
    ("*", ""),
    ("**", ""),
    ("?", ""),
    ("[a]", ""),
    ("*", "anything/at/all"),
    ("**", "a/b"),
    ("a**b", "ab"),
    ("a**b", "a/x/b"),
    ("a*", "a"),
    ("a*", "abc"),
    ("a*", "ba"),
    ("*a", "a"),
    ("*a", "ba"),
    ("*a", "ab"),
    ("*a*", "xax"),
    ("*a*", "xx"),
    ("a*b*c", "abc"),
    ("a*b*c", "axxbyyc"),
    ("a*b*c", "axxbyycb"),
    ("a*b*c", "acb"),
    ("*ab", "aab"),
    ("*ab", "abab"),
    ("*aab", "aaab"),
    ("*a?b", "aaxb"),
    ("a*a*a", "aaa"),
    ("a*a*a", "aa"),
    ("?*?", "a"),
    ("?*?", "ab"),
    # Backslash is an ordinary character, never an escape.
    ("\\", "\\"),
    ("\\*", "\\abc"),
    ("\\*", "*"),
    ("\\?", "?"),
    ("\\?", "\\x"),
    ("\\[a]", "\\a"),
    ("\\[a]", "[a]"),
    ("a\\b", "a\\b"),
    ("[\\]", "\\"),
    ("[\\]", "]"),
    ("[\\]]", "\\]"),
    ("[\\]]", "]"),
    ("[\\-a]", "\\"),
    ("[\\-a]", "]"),
    ("[\\-a]", "-"),
    ("[!\\]", "a"),
    ("[!\\]", "\\"),
    # Unclosed '[' is a literal '['.
    ("[", "["),
    ("[", ""),
    ("[a", "[a"),
    ("[a", "a"),
    ("[!", "[!"),
    ("[!a", "[!a"),
    ("[]", "[]"),
    ("[]", "]"),
    ("[!]", "[!]"),
    ("[!]", "a"),
    ("a[", "a["),
    ("[*", "[abc"),
    ("[?", "[x"),
    ("[a*", "[abc"),
    ("*[", "xx["),
    ("[[]", "["),
    ("[[]", "[]"),
    ("[[a]", "a"),
    ("[[a]", "["),
    ("[][]", "["),
    ("[][]", "]"),
    ("[]a[]", "["),
    ("[]a[]", "a[]"),
    # ']' first in the set is a member.
    ("[]]", "]"),
    ("[]]", "a"),
    ("[]]", "]]"),
    ("[]a]", "a"),
    ("[]a]", "]"),
    ("[!]]", "]"),
    ("[!]]", "a"),
    ("[!]]", "!"),
    ("[!]a]", "a"),
    ("[!]a]", "b"),
    ("[]]]", "]]"),
    ("[a]]", "a]"),
    ("[a]]", "a"),
    # Negation.
    ("[!a]", "a"),
    ("[!a]", "b"),
    ("[!a]", "!"),
    ("[!a]", "/"),
    ("[!a]", ""),
    ("[!a]", "bb"),
    ("[!!]", "!"),
    ("[!!]", "a"),
    ("[!!a]", "a"),
    ("[a!]", "!"),
    ("[a!]", "a"),
    ("[^a]", "^"),
    ("[^a]", "a"),
    ("[^a]", "b"),
    ("[!^]", "^"),
    ("[!^]", "a"),
    ("[a^]", "^"),
    # Hyphens: leading, trailing, double, chained.
    ("[a-]", "a"),
    ("[a-]", "-"),
    ("[a-]", "b"),
    ("[-a]", "-"),
    ("[-a]", "a"),
    ("[-a]", "b"),
    ("[-]", "-"),
    ("[--]", "-"),
    ("[---]", "-"),
    ("[----]", "-"),
    ("[!-]", "-"),
    ("[!-]", "a"),
    ("[!-a]", "-"),
    ("[!-a]", "a"),
    ("[!-a]", "b"),
    ("[!a-]", "-"),
    ("[!a-]", "b"),
    ("[a-b-c]", "a"),
    ("[a-b-c]", "b"),
    ("[a-b-c]", "c"),
    ("[a-b-c]", "-"),
    ("[a-c-e]", "d"),
    ("[a-z-a]", "-"),
    ("[a--]", "a"),
    ("[a--]", "-"),
    ("[a--b]", "a"),
    ("[a--b]", "b"),
    ("[a--b]", "-"),
    ("[--a]", "-"),
    ("[--a]", "/"),
    ("[--a]", "a"),
    ("[--a]", "b"),
    ("[!--a]", "/"),
    ("[!--a]", "b"),
    ("[+--]", ","),
    ("[+--]", "-"),
    ("[ab-]", "-"),
    ("[a-b-]", "-"),
    ("[]-a]", "]"),
    ("[]-a]", "^"),
    ("[]-a]", "a"),
    ("[]-a]", "b"),
    ("[!]-a]", "_"),
    ("[!]-a]", "b"),
    ("[]-]", "]"),
    ("[]-]", "-"),
    # Reversed ranges are empty (Python 3.11 drops them from the class).
    ("[z-a]", "a"),
    ("[z-a]", "z"),
    ("[z-a]", "m"),
    ("[z-a]", "-"),
    ("[z-a]", ""),
    ("[z-a]*", "anything"),
    ("*[z-a]", "a"),
    ("[!z-a]", "a"),
    ("[!z-a]", "-"),
    ("[!z-a]", "/"),
    ("[!z-a]", ""),
    ("[!z-a]", "ab"),
    ("[z-ab]", "b"),
    ("[z-ab]", "a"),
    ("[z-ab]", "z"),
    ("[az-b]", "a"),
    ("[az-b]", "b"),
    ("[az-b]", "z"),
    ("[b-a-c]", "-"),
    ("[b-a-c]", "c"),
    ("[b-a-c]", "b"),
    ("[b-a-c]", "a"),
    ("[c-b-a]", "a"),
    ("[c-b-a]", "-"),
    ("[a-c-b]", "b"),
    ("[a-c-b]", "-"),
    # Reversed range whose leftovers start with '!' or '^' and so become a negation.
    ("[z-a!]", "a"),
    ("[z-a!]", "!"),
    ("[z-a!b]", "b"),
    ("[z-a!b]", "!"),
    ("[z-a!b]", "c"),
    ("[z-a!-c]", "-"),
    ("[z-a!-c]", "b"),
    ("[z-a!-c]", "c"),
    ("[z-a!-c]", "!"),
    ("[z-a^b]", "^"),
    ("[z-a^b]", "a"),
    ("[z-a[b]", "["),
    ("[z-a]b]", "]b"),
    ("[z-a]b]", "b"),
    # Set-operation characters are plain members.
    ("[&&]", "&"),
    ("[a&&b]", "&"),
    ("[~~]", "~"),
    ("[||]", "|"),
    ("[a-&]", "a"),
    ("[&-a]", "'"),
    # Regex metacharacters outside classes are literal.
    ("a.b", "a.b"),
    ("a.b", "axb"),
    ("a+b", "a+b"),
    ("a+b", "aab"),
    ("(a|b)", "(a|b)"),
    ("(a|b)", "a"),
    ("a{2}", "a{2}"),
    ("a{2}", "aa"),
    ("^a$", "^a$"),
    ("$", "$"),
    ("a|b", "a"),
    ("[.]", "."),
    ("[.]", "a"),
    ("[\\d]", "d"),
    ("[\\d]", "1"),
    ("\\d", "\\d"),
    ("\\d", "1"),
    ("[\\w]", "w"),
    ("[[:alpha:]]", "a]"),
    ("[[:alpha:]]", ":]"),
    ("[[:alpha:]]", "b]"),
    # Case-sensitive, ordinal.
    ("ABC", "abc"),
    ("[A-Z]", "a"),
    ("[a-z]", "A"),
    ("[A-z]", "_"),
    ("*.TXT", "file.txt"),
    # Non-ASCII and astral code points: '?' is one code point.
    ("?", "\u00e9"),
    ("?", "\U0001F600"),
    ("??", "\U0001F600"),
    ("a?c", "a\U0001F600c"),
    ("[\U0001F600]", "\U0001F600"),
    ("[!\U0001F600]", "\U0001F600"),
    ("[!\U0001F600]", "a"),
    ("[\u00e0-\u00ff]", "\u00e9"),
    ("[\u00e0-\u00ff]", "\u0100"),
    ("[\U0001F600-\U0001F64F]", "\U0001F60A"),
    ("[\U0001F600-\U0001F64F]", "\U0001F650"),
    ("[\uffff-\U0001F600]", "\U0001F000"),
    ("[\U0001F600-a]", "b"),
    ("*\U0001F600", "x\U0001F600"),
    ("\U0001F600*", "\U0001F600x"),
    ("*\U0001F600*", "ab\U0001F600cd"),
    ("*?", "\U0001F600"),
    ("*??", "\U0001F600"),
]

# Class patterns crossed with single characters so each class is probed member by member.
CLASS_PATTERNS = [
    "[a]", "[ab]", "[!ab]", "[a-b]", "[!a-b]", "[]]", "[!]]", "[]-]", "[!]-]",
    "[-]", "[!-]", "[a-]", "[-a]", "[!a-]", "[!-a]", "[--]", "[!--]", "[---]",
    "[\\]", "[!\\]", "[\\-]", "[-\\]", "[\\-z]", "[a-\\]", "[/-a]", "[!/-a]",
    "[]-b]", "[!]-b]", "[*-?]", "[?-*]", "[!-/]", "[!!-/]", "[z-a]", "[!z-a]",
    "[z-a-b]", "[a-b-z]", "[b-a-]", "[!b-a-]", "[-a-b]", "[a-b-]", "[a-!]", "[!-!]",
    "[z-a!/]", "[b-a!-z]", "[[-]]", "[[-\\]", "[]-[]", "[!]-[]", "[a-a]", "[!a-a]",
]
PROBES = list("ab/-!]*?[\\z") + ["", "ab"]


def expected(pattern, text):
    return fnmatch.fnmatchcase(text, pattern)


def instantiate(rng, pattern, alphabet):
    """A text built to (roughly) fit pattern, so that matches are not all False."""
    out = []
    for c in pattern:
        if c == "*":
            out.extend(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        elif c in "?[":
            out.append(rng.choice(alphabet))
        elif c == "]" and rng.random() < 0.5:
            continue
        else:
            out.append(c)
    if out and rng.random() < 0.3:
        out[rng.randrange(len(out))] = rng.choice(alphabet)
    return "".join(out)


def random_pair(rng, alphabet, max_len):
    pattern = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_len)))
    if rng.random() < 0.5:
        text = instantiate(rng, pattern, alphabet)
    else:
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_len)))
    return pattern, text


def main():
    rng = random.Random(SEED)
    rows = []
    seen = set()
    skipped = 0

    def add(pattern, text):
        nonlocal skipped
        if (pattern, text) in seen:
            return
        for field in (pattern, text):
            if any(c in field for c in "\t\r\n"):
                raise ValueError(f"tab/CR/LF cannot go in the TSV: {field!r}")
        try:
            result = expected(pattern, text)
        except Exception:  # noqa: BLE001
            # Skip any pattern on which Python 3.11 itself raises (e.g. a re.error from a
            # translated class); none is known today, but the fixture must only hold
            # cases with a defined answer.
            skipped += 1
            return
        seen.add((pattern, text))
        rows.append((pattern, text, result))

    for pattern, text in HAND_PICKED:
        add(pattern, text)
    for pattern in CLASS_PATTERNS:
        for text in PROBES:
            add(pattern, text)

    target = len(rows) + RANDOM_CASES
    while len(rows) < target:
        add(*random_pair(rng, ALPHABET, 8))
    target = len(rows) + UNICODE_CASES
    while len(rows) < target:
        add(*random_pair(rng, UNICODE_ALPHABET, 6))

    out = sys.stdout
    out.reconfigure(encoding="utf-8", newline="\n")
    out.write("pattern\ttext\texpected\n")
    for pattern, text, result in rows:
        out.write(f"{pattern}\t{text}\t{'true' if result else 'false'}\n")

    matches = sum(1 for r in rows if r[2])
    print(f"{len(rows)} cases ({matches} match, {len(rows) - matches} do not); "
          f"{skipped} skipped because Python raised", file=sys.stderr)


if __name__ == "__main__":
    main()
