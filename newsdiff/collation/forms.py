"""The collation pages' inputs: the matrix's sort and reference (GET) and editors'
provenance corrections (POST). Versions are chosen among the story's own, by id."""

from django import forms

from newsdiff.collation.matrix import SORTS
from newsdiff.stories.models import Version

AUTO, NONE = "auto", "none"


def _label(v: Version) -> str:
    return f"{v.article.outlet.name} v{v.number}"


class MatrixForm(forms.Form):
    sort = forms.ChoiceField(choices=list(SORTS.items()), required=False)
    reference = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, versions: list[Version], **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = {v.pk: v for v in versions}
        self.fields["reference"].choices = [("", "The story’s original")] + [
            (v.pk, _label(v)) for v in versions
        ]

    def selection(self) -> tuple[str, Version | None]:
        """(sort, reference version or None), falling back to the defaults for bad input."""
        if not self.is_valid():
            return "drift", None
        return self.cleaned_data["sort"] or "drift", self.versions.get(
            self.cleaned_data["reference"]
        )


class ParentForm(forms.Form):
    """`parent`: "auto" hands the choice back to newsdiff, "none" makes it an original."""

    version = forms.TypedChoiceField(coerce=int)
    parent = forms.ChoiceField()

    def __init__(self, *args, versions: list[Version], **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = {v.pk: v for v in versions}
        self.fields["version"].choices = [(v.pk, _label(v)) for v in versions]
        self.fields["parent"].choices = [
            (AUTO, "Let newsdiff decide"),
            (NONE, "No other version (an original)"),
        ] + [(str(v.pk), _label(v)) for v in versions]

    def chosen(self) -> tuple[Version, Version | None, bool]:
        """(version, parent or None, reset to newsdiff's choice)."""
        version = self.versions[self.cleaned_data["version"]]
        parent = self.cleaned_data["parent"]
        if parent in (AUTO, NONE):
            return version, None, parent == AUTO
        return version, self.versions[int(parent)], False


class OriginalForm(forms.Form):
    """`version` empty: no version is marked; provenance chooses the reference."""

    version = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, versions: list[Version], **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = {v.pk: v for v in versions}
        self.fields["version"].choices = [("", "None: follow provenance")] + [
            (v.pk, _label(v)) for v in versions
        ]

    def chosen(self) -> Version | None:
        return self.versions.get(self.cleaned_data["version"])
