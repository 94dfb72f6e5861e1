"""The compare view's query (two versions, pair filters) and the review forms, checked."""

from django import forms
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.timezone import localtime

from newsdiff.engine import FLAGS, KINDS
from newsdiff.quotes.comparison import KIND_LABELS, REVIEW_FILTERS, PairFilters
from newsdiff.quotes.models import FLAG_LABELS
from newsdiff.quotes.reviews import NOTE_MAX_LENGTH

# The query keys a compare URL may carry; anything else in a "back" link is dropped.
COMPARE_KEYS = ("a", "b", "kind", "flag", "min_score", "review", "mode")
# What the compare view shows: the quotes and their pairs, or the whole text passage by passage.
MODES = {"quotes": "Quotes", "passages": "Passages"}


class CompareForm(forms.Form):
    """Which two versions, and which pairs to list. Invalid values are reported and replaced by
    the defaults, so a mistyped permalink still shows a comparison."""

    a = forms.TypedChoiceField(coerce=int, label="Version A (left)")
    b = forms.TypedChoiceField(coerce=int, label="Version B (right)")
    kind = forms.ChoiceField(
        required=False,
        label="Kind",
        choices=[("", "Any kind")] + [(k, KIND_LABELS[k]) for k in KINDS],
    )
    flag = forms.ChoiceField(
        required=False,
        label="Meaning change",
        choices=[("", "Any or none")] + [(f, FLAG_LABELS[f]) for f in FLAGS],
    )
    min_score = forms.FloatField(
        required=False,
        min_value=0,
        max_value=100,
        label="Minimum score",
        widget=forms.NumberInput(attrs={"step": 1, "inputmode": "numeric"}),
    )
    review = forms.ChoiceField(
        required=False, label="Review", choices=[("", "Any state")] + list(REVIEW_FILTERS.items())
    )
    mode = forms.ChoiceField(required=False, label="Show", choices=list(MODES.items()))

    def __init__(self, data, *, versions):
        self.versions = versions
        defaults = {}
        if len(versions) >= 2:
            defaults = {"a": str(versions[0].pk), "b": str(versions[-1].pk)}
        data = {**defaults, **{k: v for k, v in data.items() if k in COMPARE_KEYS and v != ""}}
        super().__init__(data)
        groups: dict[str, list] = {}
        for v in versions:
            when = date_format(localtime(v.uploaded_at), "j M Y, H:i")
            groups.setdefault(v.article.outlet.name, []).append(
                (v.pk, f"{v.article.outlet.name} v{v.number} · {when}")
            )
        for name in ("a", "b"):
            self.fields[name].choices = list(groups.items())
        self.defaults = defaults

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("a") is not None and cleaned.get("a") == cleaned.get("b"):
            self.add_error("b", "Pick two different versions to compare.")
        return cleaned

    def selection(self) -> tuple[int, int, PairFilters]:
        """The versions and filters to show: what was asked, or the default where that was
        not valid."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        a, b = data.get("a"), data.get("b")
        if a is None or b is None or a == b:
            a, b = int(self.defaults["a"]), int(self.defaults["b"])
        filters = PairFilters(
            kind=data.get("kind") or "",
            flag=data.get("flag") or "",
            min_score=data.get("min_score"),
            review=data.get("review") or "",
        )
        return a, b, filters

    @property
    def chosen_mode(self) -> str:
        """ "quotes" (the default, also for an unknown value) or "passages"."""
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("mode") or "quotes"

    @property
    def messages(self) -> list[str]:
        return [
            f"{self.fields[name].label}: {' '.join(errors)}"
            if name in self.fields
            else " ".join(errors)
            for name, errors in self.errors.items()
        ]


def compare_query(raw) -> QueryDict:
    """Only the compare keys of a query string or mapping (a review form's "back" link), so a
    redirect built from it never goes anywhere but the same story's compare view."""
    source = QueryDict(raw) if isinstance(raw, str) else raw
    query = QueryDict(mutable=True)
    for key in COMPARE_KEYS:
        value = source.get(key)
        if value not in (None, ""):
            query[key] = str(value)[:20]
    return query


def effective_query(a: int, b: int, filters: PairFilters, mode: str = "quotes") -> QueryDict:
    """The query of the comparison actually shown (defaults filled in, bad values dropped;
    the default mode left out)."""
    min_score = "" if filters.min_score is None else f"{filters.min_score:g}"
    return compare_query(
        {
            "a": a,
            "b": b,
            "kind": filters.kind,
            "flag": filters.flag,
            "min_score": min_score,
            "review": filters.review,
            "mode": "" if mode == "quotes" else mode,
        }
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        required=False,
        max_length=NOTE_MAX_LENGTH,
        label="Note",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RelinkForm(forms.Form):
    counterpart = forms.TypedChoiceField(
        coerce=int,
        label="Link to",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the quote to link to."},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counterpart"].choices = [(q.pk, q.text) for q, _ in candidates]
