"""import_story: many files into one story, bad files skipped and reported."""

from io import StringIO

from django.core.management import CommandError, call_command

from newsdiff.stories.models import Story, Version
from tests.samples import article_page, make_docx


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_story", *args, stdout=out, stderr=err)
        error = None
    except CommandError as raised:
        error = raised
    return out.getvalue(), err.getvalue(), error


COURIER_PAGE = """<html><head><title>Mayor: wall will be rebuilt</title>
<link rel="canonical" href="https://www.coastcourier.example/news/harbour-wall"></head>
<body><article><p>Port Elden's storm-damaged harbour wall is to be repaired before summer, the mayor said.</p>
<p>“We are engaged on the ground,” Mayor Ilse Brandt told reporters outside the town hall on Monday.</p>
</article></body></html>"""


def test_each_file_becomes_a_version_with_outlet_from_its_site_name_or_domain(db, tmp_path):
    gazette_page, courier_page = tmp_path / "gazette.html", tmp_path / "courier.html"
    gazette_page.write_text(article_page())
    courier_page.write_bytes(COURIER_PAGE.encode("cp1252"))
    out, err, error = run("--title", "Harbour wall", str(gazette_page), str(courier_page))
    assert error is None, err
    story = Story.objects.get(title="Harbour wall")
    assert list(
        Version.objects.order_by("filename").values_list(
            "filename", "article__outlet__name", "source"
        )
    ) == [
        ("courier.html", "coastcourier.example", "import"),
        ("gazette.html", "Harbour Gazette", "import"),
    ]
    assert set(Version.objects.values_list("article__story", flat=True)) == {story.pk}
    assert "100%" in err  # the progress bar
    assert f"/stories/{story.slug}/" in out


def test_outlet_flag_makes_successive_files_versions_of_one_article(db, tmp_path):
    paths = []
    for n, text in enumerate(["First text.", "Second text."], 1):
        path = tmp_path / f"v{n}.docx"
        path.write_bytes(make_docx([text]))
        paths.append(str(path))
    run("--title", "Harbour wall", "--outlet", "Coast Courier", *paths)
    assert list(Version.objects.values_list("article__outlet__name", "number", "text")) == [
        ("Coast Courier", 1, "First text."),
        ("Coast Courier", 2, "Second text."),
    ]


def test_bad_files_are_skipped_and_reported_and_the_rest_imported(db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A good text.")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    _, err, error = run(
        "--title",
        "Harbour wall",
        "--outlet",
        "Gazette",
        str(binary),
        str(tmp_path / "gone.txt"),
        str(good),
    )
    assert "skipped " + str(binary) + ": This file is not text" in err
    assert "gone.txt" in err
    assert str(error) == "2 of 3 files could not be imported."
    assert Version.objects.get().text == "A good text."


def test_importing_the_same_file_again_adds_nothing(db, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A text.")
    run("--title", "Harbour wall", "--outlet", "Gazette", str(path))
    _, err, error = run("--title", "Harbour wall", "--outlet", "Gazette", str(path))
    assert error is None
    assert "already stored as version 1" in err
    assert (Story.objects.count(), Version.objects.count()) == (1, 1)


def test_text_without_outlet_is_reported(db, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A text with no outlet.")
    _, err, error = run("--title", "Harbour wall", str(path))
    assert "Name the outlet" in err
    assert error is not None


def test_an_import_where_every_file_fails_leaves_no_empty_story(db, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A text with no outlet.")
    _, _, error = run("--title", "Harbour wall", str(path))
    assert "nothing stored" in str(error)
    assert not Story.all_objects.exists()
