"""What the API accepts and returns, as typed schemas: django-ninja builds the OpenAPI document
from them. The fields are those of the JSON export (newsdiff.exports.story), so both agree."""

from datetime import date, datetime

from ninja import Schema
from pydantic import Field


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


class StoryIn(Schema):
    title: str = Field(min_length=1, max_length=300)
    notes: str = Field("", max_length=10_000)


class StoryOut(Schema):
    slug: str
    title: str
    notes: str
    created_at: datetime
    url: str


class VersionOut(Schema):
    id: int
    article: int
    outlet: str
    number: int
    article_url: str
    headline: str
    title: str
    byline: str
    published: date | None
    uploaded_at: datetime
    source: str
    source_url: str
    sha256: str


class QuoteOut(Schema):
    id: int
    version: int
    index: int
    start: int
    end: int
    text: str
    speaker: str
    speaker_key: str
    fragment: bool
    key: str


class VersionTextOut(VersionOut):
    text: str
    quotes: list[QuoteOut]


class StoryDetailOut(StoryOut):
    versions: list[VersionOut]


class VersionMeta(Schema):
    """Where a text comes from; left empty, what the document says about itself is used."""

    article: int | None = Field(None, description="Add a new version to this article (its id).")
    outlet: str = Field("", max_length=200)
    headline: str = Field("", max_length=500)
    url: str = Field("", max_length=2000, description="The article's address.")
    byline: str = Field("", max_length=500)
    published: date | None = None


class VersionIn(VersionMeta):
    """Give `text`, or only `url` to have newsdiff fetch the page."""

    text: str = ""


class AddedOut(Schema):
    created: bool = Field(description="False: the article already had this exact text.")
    version: VersionOut
    quotes: int
    compare_url: str | None


class ReviewOut(Schema):
    key_low: str
    key_high: str
    decision: str
    note: str
    reviewed_by: str | None
    reviewed_at: datetime


class PairOut(Schema):
    id: int
    version_a: int
    version_b: int
    quote_a: int
    quote_b: int
    text_a: str
    text_b: str
    speaker_a: str
    speaker_b: str
    kind: str
    kind_label: str
    score: float
    flags: list[str]
    flag_labels: list[str]
    origin: str
    spans_a: list[list[int]]
    spans_b: list[list[int]]
    diff: list[dict]
    review: ReviewOut | None


class ReportLine(Schema):
    label: str
    versions: list[int]
    total: int
    verbatim: int
    minor: int
    partial: int
    reworded: int
    dropped: int
    meaning_changed: int
    misattributed: int
    shares: dict[str, float]


class ReportReference(Schema):
    version: int
    outlet: str
    number: int


class ReportOut(Schema):
    story: str
    reference: ReportReference | None
    reference_quotes: int
    outlets: list[ReportLine]
    versions: list[ReportLine]
