"""Values shown where Qt reads rich text (the finding's detail, tooltips, message boxes,
the message bar): escaped, so a name with `<`, `&` or a line break shows as typed, never as
markup."""

from __future__ import annotations

import html


def escaped(value) -> str:
    return html.escape(str(value), quote=False)


def as_rich(text: str) -> str:
    """Plain `text` as rich text that shows it as typed: escaped, line breaks kept, long
    lines wrapped. Rich always, because Qt guesses the format from the first tag it sees."""
    return '<p style="white-space:pre-wrap">{}</p>'.format(escaped(text))
