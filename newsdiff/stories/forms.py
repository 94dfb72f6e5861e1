"""Forms: what an editor typed, checked, and turned into a Document ready for the services."""

from django import forms
from django.conf import settings

from newsdiff.ingest import (
    Document,
    IngestError,
    document_from_bytes,
    document_from_text,
    fetch_document,
)
from newsdiff.ingest.document import size_label
from newsdiff.stories.models import Article, Story, Version



def upload_limit() -> int:
    return settings.NEWSDIFF_MAX_UPLOAD_BYTES


def too_large_message() -> str:
    return f"That upload is larger than the {size_label(upload_limit())} limit. Nothing was stored."


class StoryForm(forms.ModelForm):
    class Meta:
        model = Story
        fields = ["title", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class UploadForm(forms.Form):
    """A new article or a new version of one, from pasted text, a file, or a URL to fetch.

    After is_valid(), `document` holds the ingested text and `source` says where it came from."""

    article = forms.ModelChoiceField(
        queryset=Article.objects.none(),
        required=False,
        empty_label="A new article",
        label="Add to",
    )
    outlet = forms.CharField(
        max_length=200,
        required=False,
        help_text="For a new article: pick an outlet or type a new one. "
        "Left empty, the site name in the document is used.",
    )
    headline = forms.CharField(
        max_length=500, required=False, help_text="Left empty, the document's title is used."
    )
    url = forms.URLField(
        max_length=2000,
        required=False,
        assume_scheme="https",
        label="Article URL",
        help_text="With no text and no file, newsdiff fetches the page from this address.",
    )
    byline = forms.CharField(max_length=500, required=False)
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(
        required=False,
        strip=False,  # the stored text is exactly what was pasted; offsets point into it
        widget=forms.Textarea(attrs={"rows": 12}),
        label="Paste the text",
    )
    file = forms.FileField(required=False, label="Or upload a file")

    def __init__(self, *args, story: Story | None, refused: str = "", **kwargs):
        """`story=None`: an article for no story yet (the inbox), so no article to choose."""
        super().__init__(*args, **kwargs)
        self.story = story
        self.refused = refused
        self.document: Document | None = None
        self.source = ""
        if story is None:
            del self.fields["article"]
        else:
            self.fields["article"].queryset = story.articles.select_related("outlet")
        self.fields["outlet"].widget.attrs["list"] = "outlet-names"
        limit = size_label(upload_limit())
        self.fields["file"].help_text = f".txt, .md, .html, .docx or .pdf, up to {limit}."

    def clean(self):
        cleaned = super().clean()
        if self.refused:
            raise forms.ValidationError(self.refused)
        if self.errors:
            return cleaned
        text, upload, url = cleaned.get("text") or "", cleaned.get("file"), cleaned.get("url")
        if text.strip() and upload:
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if upload:
            field, source, read = "file", Version.Source.FILE, lambda: self._read_file(upload)
        elif text.strip():
            field, source, read = "text", Version.Source.PASTE, lambda: self._read_text(text)
        elif url:
            field, source, read = "url", Version.Source.URL, lambda: self._fetch(url)
        elif text:
            self.add_error("text", "The text is empty.")
            return cleaned
        else:
            raise forms.ValidationError("Paste the text, upload a file, or give a URL to fetch.")
        try:
            self.document, self.source = read(), source
        except IngestError as error:
            self.add_error(field, str(error))
        return cleaned

    def _read_text(self, text: str) -> Document:
        if len(text.encode("utf-8")) > upload_limit():
            raise IngestError(
                f"The pasted text is larger than the {size_label(upload_limit())} limit."
            )
        return document_from_text(text)

    def _read_file(self, upload) -> Document:
        # Checked before reading: past the in-memory threshold Django has spooled it to disk.
        if upload.size > upload_limit():
            raise IngestError(
                f"“{upload.name}” is larger than the {size_label(upload_limit())} limit."
            )
        return document_from_bytes(upload.read(), upload.name, upload.content_type or "")

    def _fetch(self, url: str) -> Document:
        return fetch_document(
            url,
            timeout=settings.NEWSDIFF_FETCH_TIMEOUT,
            max_bytes=settings.NEWSDIFF_FETCH_MAX_BYTES,
            allow_private=settings.NEWSDIFF_FETCH_ALLOW_PRIVATE,
        )
