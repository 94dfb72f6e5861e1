"""The one text every later offset points into.

Only what would make offsets unstable or invisible is touched: line endings become "\\n", a
leading byte order mark goes, and C0 control characters other than "\\n" and "\\t" are dropped.
Everything else (curly quotes, non-breaking spaces, trailing spaces) stays exactly as decoded.
"""

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def stored_text(text: str) -> str:
    """The text as newsdiff stores it.

    >>> stored_text("\\ufeffOne\\r\\ntwo\\rthree\\x00")
    'One\\ntwo\\nthree'
    """
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)
