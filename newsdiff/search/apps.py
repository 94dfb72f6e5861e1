from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "newsdiff.search"
    verbose_name = "Quote search"
