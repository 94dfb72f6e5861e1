from django.urls import path

from newsdiff.jobs import views

urlpatterns = [
    path("stories/<slug:slug>/jobs/", views.story_jobs, name="story_jobs"),
]
