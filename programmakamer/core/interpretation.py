"""Reading what a foreign table says: yes/no words and text that did not survive decoding.

Plain values in and out, so a rule algorithm and (later) the import read a delivery alike.
What cannot be read is handed back for the adapter to report, never turned into a default.
"""

from __future__ import annotations

YES_WORDS = frozenset({"1", "true", "yes", "ja", "j", "y", "waar", "x", "t"})
NO_WORDS = frozenset({"0", "false", "no", "nee", "n", "onwaar", "f", "-"})
REPLACEMENT = "\ufffd"  # what a decoder puts where bytes were not of its encoding


def read_flag(value) -> bool | None:
    """True or False from a yes/no value; None when the word is not known (empty is no)."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    word = str(value).strip().lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS or word == "":
        return False
    return None


def garbled(text: str) -> bool:
    """Whether text was decoded with the wrong encoding: replacement characters (cp1252
    read as UTF-8: 'Stedin � Netbeheer'), C1 control characters (cp1252 read as
    Latin-1: its dash becomes U+0096), or UTF-8 read as cp1252 ('CafÃ©')."""
    if text.isascii():
        return False
    if REPLACEMENT in text or any("\x80" <= c <= "\x9f" for c in text):
        return True
    for encoding in ("cp1252", "latin-1"):
        try:
            return text.encode(encoding).decode("utf-8") != text
        except UnicodeError:
            continue
    return False


def garbled_values(values) -> tuple[int, str | None]:
    """How many text values are garbled, and the first of them."""
    found = [v for v in values if isinstance(v, str) and garbled(v)]
    return len(found), (found[0] if found else None)
