from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "newsdiff.stories"
    label = "stories"
    verbose_name = "Stories"
