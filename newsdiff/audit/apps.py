from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "newsdiff.audit"
    label = "audit"
    verbose_name = "Audit log"
