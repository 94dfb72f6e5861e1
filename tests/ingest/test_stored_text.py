from newsdiff.ingest import document_from_text
from newsdiff.ingest.text import stored_text


def test_line_endings_become_newlines():
    assert stored_text("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_byte_order_mark_and_control_characters_go_but_tabs_stay():
    assert stored_text("\ufeffA\x00B\x07C\tD\x1bE\x0cF") == "ABC\tDEF"


def test_everything_else_is_left_exactly_as_it_was():
    text = "  “Quoted,”\u00a0she said —  twice.  \n\n\n"
    assert stored_text(text) == text


def test_pasted_text_keeps_its_characters_and_is_stored_as_utf_8():
    document = document_from_text("“We will rebuild,” said Brandt.\r\n")
    assert document.text == "“We will rebuild,” said Brandt.\n"
    assert document.raw == "“We will rebuild,” said Brandt.\r\n".encode()
    assert document.content_type == "text/plain; charset=utf-8"
