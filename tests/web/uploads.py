"""Posting to the real upload view, as a browser would."""

from django.core.files.uploadedfile import SimpleUploadedFile

from newsdiff.stories.models import Article, Outlet, Version


def upload(client, story, *, file=None, **fields):
    """POST the upload form; `file` is (name, bytes) or (name, bytes, content type)."""
    data = {"outlet": "Harbour Gazette", **fields}
    if file is not None:
        name, content, *content_type = file
        data["file"] = SimpleUploadedFile(
            name, content, content_type[0] if content_type else "application/octet-stream"
        )
    return client.post(f"/stories/{story.slug}/upload/", data)


def nothing_stored() -> bool:
    return not (Version.objects.exists() or Article.objects.exists() or Outlet.objects.exists())
