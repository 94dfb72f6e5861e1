from django.urls import path

from newsdiff.stories.views import stories

urlpatterns = [
    path("", stories.story_list, name="story_list"),
    path("stories/<slug:slug>/", stories.story_detail, name="story_detail"),
]
