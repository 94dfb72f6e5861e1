import django.db.models.deletion
from django.db import migrations, models

from newsdiff.search.features import quote_features


def index_existing_quotes(apps, schema_editor):
    """Quotes stored before search existed are indexed once, in batches."""
    Quote = apps.get_model("quotes", "Quote")
    QuoteFeature = apps.get_model("search", "QuoteFeature")
    last = 0
    while rows := list(Quote.objects.filter(pk__gt=last).order_by("pk").only("text")[:2000]):
        QuoteFeature.objects.bulk_create(
            [QuoteFeature(hash=h, quote_id=q.pk) for q in rows for h in quote_features(q.text)],
            batch_size=2000,
        )
        last = rows[-1].pk


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("quotes", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="QuoteFeature",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "hash",
                        "quote",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("hash", models.IntegerField()),
                (
                    "quote",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="quotes.quote",
                    ),
                ),
            ],
        ),
        migrations.RunPython(index_existing_quotes, migrations.RunPython.noop),
    ]
