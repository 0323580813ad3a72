"""What a text will look like on screen, judged from its characters. No Qt here.

Staff paste text from word processors and web pages; these helpers find what the screen
would draw as nothing (zero-width and format characters only), what reorders text on
screen (bidirectional controls), what stacks marks into a tower (runs of combining marks)
and control characters and line separators that break a label unexpectedly.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")
MAX_COMBINING_RUN = 3
_BREAKS = frozenset("\x85\u2028\u2029\x0b\x0c")


# Characters that are certainly visible: quick to find, so most texts are judged at once.
_PLAIN_VISIBLE = re.compile(r"[!-~\u00a1-\u00ac\u00ae-\u02ff\u0370-\u0482\u3001-\u9fff\uff01-\uff5e]")
# Characters that need a closer look (controls, format, combining, separators).
_SUSPECT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0300-\u036f\u0483-\u0489"
                      r"\u0591-\u05c7\u0610-\u061c\u064b-\u065f\u1ab0-\u1aff\u1dc0-\u1dff"
                      r"\u200b-\u200f\u2028-\u202e\u2060-\u206f\u20d0-\u20ff\ufe00-\ufe0f"
                      r"\ufe20-\ufe2f\ufeff]")


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: not only spaces, zero-width or format characters."""
    if _PLAIN_VISIBLE.search(text):
        return True
    return any(not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Mn", "Me")
               for ch in text)


def bidi_controls(text: str) -> list[str]:
    return sorted({ch for ch in text if ch in BIDI_CONTROLS})


def longest_combining_run(text: str) -> int:
    longest = run = 0
    for ch in text:
        run = run + 1 if unicodedata.combining(ch) or unicodedata.category(ch) == "Me" else 0
        longest = max(longest, run)
    return longest


def odd_breaks(text: str) -> list[str]:
    """Line separators and control characters (other than newline and tab) in ``text``."""
    return sorted({ch for ch in text if ch in _BREAKS
                   or (unicodedata.category(ch) == "Cc" and ch not in "\n\t\r")})


def problems(text: str) -> list[str]:
    """Plain-language warnings about the characters of one text (empty when fine)."""
    if not _SUSPECT.search(text) and text.replace("\n", "").replace("\t", "").isprintable():
        return []  # the common case, decided in C
    found: list[str] = []
    if text and not visible(text):
        found.append("this text shows nothing on screen: it holds only spaces, zero-width "
                     "or formatting characters — type the text again")
    bidi = bidi_controls(text)
    if bidi:
        codes = ", ".join(f"U+{ord(c):04X}" for c in bidi)
        found.append(f"this text contains direction-control characters ({codes}) that "
                     "reorder it on screen: delete them (type the text again)")
    run = longest_combining_run(text)
    if run > MAX_COMBINING_RUN:
        found.append(f"this text stacks {run} combining marks on one letter; they would "
                     "overflow the line: remove them")
    breaks = odd_breaks(text)
    if breaks:
        codes = ", ".join(f"U+{ord(c):04X}" for c in breaks)
        found.append(f"this text contains invisible control or line-separator characters "
                     f"({codes}), probably pasted from a word processor: delete them")
    return found


def shown_length(text: str) -> int:
    """Characters as counted for on-screen limits (combining marks not counted)."""
    return sum(1 for ch in text if not unicodedata.combining(ch)) if not text.isascii() \
        else len(text)
