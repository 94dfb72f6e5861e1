from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "newsdiff.exports"
    verbose_name = "Exports"
