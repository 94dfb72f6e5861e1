from django.urls import path

from newsdiff.quotes.views import compare, reviews

urlpatterns = [
    path("stories/<slug:slug>/compare/", compare.compare, name="compare"),
    path("stories/<slug:slug>/compare/link/", reviews.relink, name="relink"),
    path(
        "stories/<slug:slug>/pairs/<int:pair_id>/confirm/",
        reviews.pair_confirm,
        name="pair_confirm",
    ),
    path(
        "stories/<slug:slug>/pairs/<int:pair_id>/reject/", reviews.pair_reject, name="pair_reject"
    ),
    path("stories/<slug:slug>/pairs/<int:pair_id>/note/", reviews.pair_note, name="pair_note"),
]
