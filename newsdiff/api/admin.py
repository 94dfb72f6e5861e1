from django.contrib import admin, messages

from newsdiff.api import tokens
from newsdiff.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made by `manage.py create_api_token USER` (which shows the token once);
    here they are listed and revoked."""

    list_display = ["prefix", "user", "name", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["prefix", "user__username", "name"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead, so the record of the token stays

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        count = sum(tokens.revoke(token, request.user) for token in queryset)
        self.message_user(request, f"Revoked {count} token(s).", messages.SUCCESS)
