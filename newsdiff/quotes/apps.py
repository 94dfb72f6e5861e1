from django.apps import AppConfig


class QuotesConfig(AppConfig):
    name = "newsdiff.quotes"
    label = "quotes"
    verbose_name = "Quotes and alignments"
