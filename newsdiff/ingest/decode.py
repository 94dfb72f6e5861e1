"""Bytes to text without mojibake.

Order of trust: a byte order mark; UTF-16 without a mark (recognised by its pattern of zero
bytes); then, once binary data is refused, valid UTF-8 (legacy text is almost never valid UTF-8
by accident); a charset the document or server declares; Windows-1252, the superset of Latin-1
that browsers use for both, when the result reads as Western prose; last, charset-normalizer's
guesses, taken only when they read as prose. charset-normalizer alone is not enough: on short
Western texts it often picks a Central European or DOS code page and turns "à" into "ŕ".
"""

import codecs
import re
import unicodedata
from collections import Counter

from charset_normalizer import from_bytes

from newsdiff.ingest.document import IngestError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Browsers read all of these as Windows-1252 (WHATWG Encoding Standard), and so do we.
_WESTERN_ALIASES = {"ascii", "latin_1", "iso8859_1", "cp1252"}
# Punctuation and symbols that turn up in ordinary prose; anything else outside ASCII that is not
# a letter (superscript digits, box drawing, control characters) means we guessed wrong.
_LETTERS = {"Ll", "Lu", "Lt", "Lm", "Lo", "Mn", "Mc"}
_SPACES_AND_PUNCTUATION = {"Zs", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sc", "Cf"}
_PROSE_CATEGORIES = _LETTERS | _SPACES_AND_PUNCTUATION
_PROSE_SYMBOLS = set("©®™°§±×÷½¼¾²µ¨´·•†‡‰")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

NOT_TEXT = "This file is not text: it looks like an image, an archive or a program."
UNDECODABLE = (
    "The file's characters could not be read: it is not UTF-8, UTF-16 or Windows-1252/Latin-1 "
    "text. Save it as UTF-8 and upload it again."
)


def decode_bytes(data: bytes, declared: str = "") -> tuple[str, str]:
    """Decode `data`, returning (text, codec name); IngestError when no reading makes sense.

    >>> decode_bytes("Café “ok”".encode("cp1252"))
    ('Café “ok”', 'cp1252')
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, required=True), codec
    codec = _bomless_utf16(data)
    if codec:
        return _strict(data, codec, required=True), codec
    if looks_binary(data):
        raise IngestError(NOT_TEXT)
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    codec = _known_codec(declared)
    if codec:
        text = _strict(data, codec)
        if text is not None and _reads_as_prose(text):
            return text, codec
    text = _strict(data, "cp1252")
    if text is not None and _reads_as_prose(text) and _letters_mostly_latin(text):
        return _central_european_reading(data, text) or (text, "cp1252")
    for match in from_bytes(data):
        text = str(match)
        if _reads_as_prose(text) and (
            _non_latin_share(text) >= 0.3
            or (_letters_mostly_latin(text) and match.coherence >= 0.3)
        ):
            return text, match.encoding
    raise IngestError(UNDECODABLE)


def _central_european_reading(data: bytes, western: str) -> tuple[str, str] | None:
    """Czech in Windows-1250 also reads, wrongly, as Windows-1252 ("mìsto" for "město"); take
    the Central European reading only when charset-normalizer finds it clearly less chaotic."""
    central = _strict(data, "cp1250")
    if central is None or central == western or not _reads_as_prose(central):
        return None
    chaos = {m.encoding: m.chaos for m in from_bytes(data, cp_isolation=["cp1252", "cp1250"])}
    if "cp1250" in chaos and chaos["cp1250"] + 0.02 < chaos.get("cp1252", 1.0):
        return central, "cp1250"
    return None


def charset_label(codec: str) -> str:
    """The name a Content-Type header uses for a Python codec: cp1252 -> windows-1252."""
    codec = codec.lower().replace("_", "-")
    if codec.startswith("cp125"):
        return "windows-" + codec[2:]
    return {
        "utf-8-sig": "utf-8",
        "utf-16-le": "utf-16le",
        "utf-16-be": "utf-16be",
        "cp932": "shift_jis",
    }.get(codec, codec)


def looks_binary(data: bytes) -> bool:
    """Zero bytes or many control bytes: an image, an archive, a program, not text.
    (Only after ruling out UTF-16, whose ASCII characters are half zero bytes.)"""
    sample = data[:8192]
    return b"\x00" in sample or len(_BINARY_CONTROL.findall(sample)) > len(sample) // 100


def _strict(data: bytes, codec: str, required: bool = False) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        if required:
            raise IngestError(UNDECODABLE) from None
        return None


def _known_codec(declared: str) -> str:
    if not declared:
        return ""
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return ""
    return "cp1252" if name in _WESTERN_ALIASES else name


def _bomless_utf16(data: bytes) -> str:
    """UTF-16 without a byte order mark: mostly-ASCII text leaves a zero byte in every pair."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return ""
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zeros > 0.4 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.4 and odd_zeros < 0.05:
        return "utf-16-be"
    return ""


def _reads_as_prose(text: str) -> bool:
    """Every character outside ASCII is a letter, a space or everyday punctuation."""
    for char in Counter(_NON_ASCII.findall(text)):
        if unicodedata.category(char) not in _PROSE_CATEGORIES and char not in _PROSE_SYMBOLS:
            return False
        # Half-width katakana is what Cyrillic looks like through a Japanese code page.
        if unicodedata.name(char, "").startswith("HALFWIDTH"):
            return False
    return True


def _non_ascii_letters(text: str) -> Counter:
    return Counter(c for c in _NON_ASCII.findall(text) if c.isalpha())


def _letters_mostly_latin(text: str) -> bool:
    """Latin script, with accented letters a minority of all letters (as in French or German),
    not Cyrillic or Greek read through a Western code page."""
    others = _non_ascii_letters(text)
    if any(not unicodedata.name(c, "").startswith("LATIN") for c in others):
        return False
    ascii_letters = len(_ASCII_LETTER.findall(text))
    return sum(others.values()) <= 0.3 * (ascii_letters + sum(others.values()))


def _non_latin_share(text: str) -> float:
    """The share of letters outside the Latin script: high for Russian or Japanese, near zero
    for English text with a few stray bytes misread as ideographs."""
    others = _non_ascii_letters(text)
    non_latin = sum(n for c, n in others.items() if not unicodedata.name(c, "").startswith("LATIN"))
    total = len(_ASCII_LETTER.findall(text)) + sum(others.values())
    return non_latin / total if total else 0.0
