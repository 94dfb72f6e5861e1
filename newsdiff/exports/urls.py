from django.urls import path

from newsdiff.exports import views

urlpatterns = [
    path("stories/<slug:slug>/export.json", views.story_export_json, name="story_export_json"),
    path("stories/<slug:slug>/export.csv", views.story_export_csv, name="story_export_csv"),
    path("stories/<slug:slug>/print/", views.story_print, name="story_print"),
]
