from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "newsdiff.api"
    verbose_name = "JSON API"
