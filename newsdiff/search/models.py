"""The quote index: one row per (feature, quote), read feature-first.

The composite primary key (hash, quote) is the index that lookups walk: all quotes sharing a
feature are one range scan, on SQLite and PostgreSQL alike. Rows go with their quote (CASCADE),
so a removed version's quotes leave the index with it."""

from django.db import models

from newsdiff.quotes.models import Quote


class QuoteFeature(models.Model):
    pk = models.CompositePrimaryKey("hash", "quote")
    hash = models.IntegerField()
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.hash} → quote {self.quote_id}"
