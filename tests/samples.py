"""Invented articles for the tests (no published text), and builders for the file formats."""

import io

import docx

# An article from an invented outlet, with the punctuation that trips decoders: curly quotes,
# an apostrophe, an em dash, an accented name.
ARTICLE = (
    "Harbour wall to be rebuilt after storm\n"
    "\n"
    "The harbour wall at Port Elden will be rebuilt before the summer, the mayor said on Monday.\n"
    "\n"
    "“We are directly engaged on the ground with the engineers,” said Mayor Ilse Brandt — "
    "speaking outside the café on the quay. “It’s not a question of if, but when.”\n"
)

# Latin-1 has no curly quotes, so its sample leans on accents and guillemets instead.
ARTICLE_LATIN_1 = (
    "Le maire a déclaré que la digue serait reconstruite avant l'été.\n"
    "\n"
    "« Nous sommes là, à côté des pêcheurs », a-t-il ajouté devant le café du port.\n"
)

PARAGRAPHS = [
    (
        "The harbour wall at Port Elden will be rebuilt before the summer season, the mayor said "
        "on Monday, after last week's storm tore a forty-metre gap in the old stone breakwater."
    ),
    (
        "“We are directly engaged on the ground with the engineers and we will not leave the "
        "fishing fleet exposed,” said Mayor Ilse Brandt at a press conference outside the town hall."
    ),
    (
        "The council estimates the repairs will cost about 2.4 million euros. Brandt said the "
        "regional government had promised to cover “most, if not all” of the bill."
    ),
    (
        "Harbourmaster Tomás Reyes said the fleet had moved to the inner basin. “Nobody was hurt, "
        "and that is what matters tonight,” he said."
    ),
]

JUNK = [
    "Join our Telegram channel for the latest news from the coast!",
    "Share on Facebook",
    "Storm closes coastal road",
    "Ferry cancelled for third day",
    "About time they fixed that wall",
    "Who is paying for this?",
    "All rights reserved",
    "Sign up for our morning newsletter",
]


def article_page(charset: str = "utf-8") -> str:
    """A news page as sites serve them: navigation, share bar, a call to action inside the
    article, related links and reader comments around four paragraphs of story."""
    p = PARAGRAPHS
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>Harbour wall to be rebuilt after storm, mayor says | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Harbour wall to be rebuilt after storm, mayor says">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2026-03-02T08:00:00+00:00">
<link rel="canonical" href="https://harbourgazette.example/2026/03/02/harbour-wall">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this</a></div>
<main>
<article>
<h1>Harbour wall to be rebuilt after storm, mayor says</h1>
<p class="byline">By Mara Quill</p>
<p>{p[0]}</p>
<p>{p[1]}</p>
<div class="promo"><p><strong>Join our Telegram channel</strong> for the latest news from the coast!</p></div>
<p>{p[2]}</p>
<p>Sign up for our morning newsletter</p>
<p>{p[3]}</p>
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Storm closes coastal road</a></li>
<li><a href="/b">Ferry cancelled for third day</a></li><li><a href="/c">Fishermen count the cost</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments (2)</h2>
<div class="comment"><p>Gull_Watcher: About time they fixed that wall, it has been crumbling for years.</p></div>
<div class="comment"><p>Anon123: Who is paying for this? Not me I hope.</p></div>
</section>
</main>
<footer><p>© 2026 Harbour Gazette. All rights reserved.</p></footer>
</body></html>
"""


PAGE_TEXT = "Harbour wall to be rebuilt after storm, mayor says\n\n" + "\n\n".join(PARAGRAPHS)


def make_docx(paragraphs: list[str], title: str = "", author: str = "") -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.core_properties.title = title
    document.core_properties.author = author
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(paragraphs: list[str], *, title: str = "") -> bytes:
    """A one-page PDF written by hand: Helvetica, WinAnsi-encoded, one line per paragraph."""
    ops = ["BT", "/F1 11 Tf", "14 TL", "50 760 Td"]
    for paragraph in paragraphs:
        escaped = paragraph.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops += [f"({escaped}) Tj", "T*", "T*"]
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    info = f"<< /Title ({title}) >>".encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        ),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        info,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
