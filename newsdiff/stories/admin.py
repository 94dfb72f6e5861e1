from django.contrib import admin

from newsdiff.stories.models import Article, Outlet, Story, Version


class NoDeleteAdmin(admin.ModelAdmin):
    """Deleting here would erase rows for good and skip the audit log: stories and versions are
    deleted (recoverably) from their own pages in the app."""

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Story)
class StoryAdmin(NoDeleteAdmin):
    list_display = ["title", "slug", "created_at"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Article)
class ArticleAdmin(NoDeleteAdmin):
    list_display = ["story", "outlet", "headline", "url"]
    list_filter = ["outlet"]
    search_fields = ["headline", "url"]


@admin.register(Version)
class VersionAdmin(NoDeleteAdmin):
    """Read-only: versions are only added through the upload path, never edited."""

    list_display = ["article", "number", "source", "uploaded_by", "uploaded_at"]
    list_filter = ["source"]
    exclude = ["raw"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
