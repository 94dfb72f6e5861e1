from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "newsdiff.jobs"
    label = "jobs"
    verbose_name = "Background jobs"
