from django.contrib import admin

from newsdiff.quotes.models import Alignment, Quote, QuotePair, Review


class ReadOnlyAdmin(admin.ModelAdmin):
    """The engine writes these rows; editing them by hand would desynchronise the offsets."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Quote)
class QuoteAdmin(ReadOnlyAdmin):
    list_display = ["version", "index", "speaker", "fragment", "text"]
    search_fields = ["text", "speaker"]


@admin.register(Alignment)
class AlignmentAdmin(ReadOnlyAdmin):
    list_display = ["story", "version_a", "version_b", "engine", "computed_at"]


@admin.register(QuotePair)
class QuotePairAdmin(ReadOnlyAdmin):
    list_display = ["alignment", "kind", "score", "origin"]
    list_filter = ["kind", "origin"]


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    """Reviews change only through the app, where every change is audited."""

    def has_delete_permission(self, request, obj=None):
        return False

    list_display = ["story", "decision", "reviewed_by", "reviewed_at"]
    list_filter = ["decision"]
