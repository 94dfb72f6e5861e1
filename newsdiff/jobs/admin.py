from django.contrib import admin

from newsdiff.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Jobs are written by workers: readable here, not edited by hand."""

    list_display = ["pk", "kind", "story", "status", "done", "total", "attempts", "heartbeat"]
    list_filter = ["kind", "status"]
    readonly_fields = [f.name for f in Job._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
