"""Keep the quote index in step with stored quotes."""

from newsdiff.quotes.models import Quote
from newsdiff.search.features import quote_features
from newsdiff.search.models import QuoteFeature


def index_quotes(quotes: list[Quote]) -> None:
    """Index freshly stored quotes (they need their primary keys)."""
    QuoteFeature.objects.bulk_create(
        [QuoteFeature(hash=h, quote_id=q.pk) for q in quotes for h in quote_features(q.text)],
        batch_size=2000,
    )


def reindex_all(batch: int = 2000) -> int:
    """Rebuild the whole index (after the feature definition changes); returns quotes indexed."""
    QuoteFeature.objects.all().delete()
    done, last = 0, 0
    while True:
        rows = list(Quote.objects.filter(pk__gt=last).order_by("pk").only("pk", "text")[:batch])
        if not rows:
            return done
        index_quotes(rows)
        done, last = done + len(rows), rows[-1].pk
