"""Every encoding an editor's file may come in reads back as the same characters."""

import pytest

from newsdiff.ingest import IngestError
from newsdiff.ingest.decode import NOT_TEXT, UNDECODABLE, decode_bytes
from tests.samples import ARTICLE, ARTICLE_LATIN_1


@pytest.mark.parametrize(
    "encoded",
    [
        ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-8-sig"),
        ARTICLE.encode("utf-16"),
        b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
        b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("utf-16-le"),
        ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("utf-32"),
        ARTICLE.encode("cp1252"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "cp1252",
    ],
)
def test_article_decodes_to_the_same_characters(encoded):
    text, _ = decode_bytes(encoded)
    assert text.removeprefix("\ufeff") == ARTICLE


def test_latin_1_reads_as_latin_1_not_central_european():
    # charset-normalizer alone reads this as cp1250 and turns "à" into "ŕ".
    assert decode_bytes(ARTICLE_LATIN_1.encode("latin-1"))[0] == ARTICLE_LATIN_1


@pytest.mark.parametrize("word", ["café", "It’s", "“ok”", "Señor Muñoz"])
def test_a_single_western_word_is_not_mistaken_for_another_alphabet(word):
    assert decode_bytes(word.encode("cp1252"))[0] == word


@pytest.mark.parametrize(
    "text, codec",
    [
        ("Мэр сказал, что город будет восстановлен.", "cp1251"),
        ("Ο δήμαρχος είπε ότι η πόλη θα ξαναχτιστεί.", "cp1253"),
        ("Burmistrz powiedział, że miasto zostanie odbudowane. Łódź i Gdańsk.", "cp1250"),
        ("Starosta řekl, že město bude obnoveno. Přístav je zničený a čeká na opravu.", "cp1250"),
    ],
)
def test_other_legacy_code_pages_are_recognised(text, codec):
    assert decode_bytes(text.encode(codec))[0] == text


def test_declared_charset_is_used_when_the_bytes_are_not_utf_8():
    text = "Мэр сказал."
    assert decode_bytes(text.encode("koi8_r"), declared="koi8-r") == (text, "koi8_r")


def test_valid_utf_8_wins_over_a_wrong_declaration():
    assert decode_bytes("Café “ok”".encode(), declared="iso-8859-1")[0] == "Café “ok”"


def test_english_with_stray_invalid_bytes_is_undecodable():
    with pytest.raises(IngestError, match="could not be read"):
        decode_bytes(b"The mayor said \x81\x8d\x8f\x90\x9d\x81 and then some more words here.")
    assert "Save it as UTF-8" in UNDECODABLE


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), bytes(range(256)) * 4]
)
def test_binary_data_is_not_text(data):
    with pytest.raises(IngestError) as error:
        decode_bytes(data)
    assert str(error.value) == NOT_TEXT
