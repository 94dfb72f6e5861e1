from django.apps import AppConfig


class CollationConfig(AppConfig):
    name = "newsdiff.collation"
    verbose_name = "Many versions at once"

    def ready(self):
        from newsdiff.collation import signals  # noqa: F401  (connects the handlers)
