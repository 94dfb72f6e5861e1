from django.urls import path

from newsdiff.collation import views

urlpatterns = [
    path("stories/<slug:slug>/matrix/", views.matrix, name="story_matrix"),
    path("stories/<slug:slug>/report/", views.report, name="story_report"),
    path("stories/<slug:slug>/provenance/", views.provenance_correct, name="provenance_correct"),
    path("stories/<slug:slug>/original/", views.original, name="story_original"),
    path("reports/fidelity/", views.fidelity, name="fidelity_report"),
]
