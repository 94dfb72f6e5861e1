from django.urls import path

from newsdiff.stories.views import articles, stories, uploads

urlpatterns = [
    path("", stories.story_list, name="story_list"),
    path("stories/<slug:slug>/", stories.story_detail, name="story_detail"),
    path("stories/<slug:slug>/upload/", uploads.story_upload, name="story_upload"),
    path("articles/<int:article_id>/history/", articles.article_history, name="article_history"),
    path(
        "articles/<int:article_id>/versions/<int:number>/",
        articles.version_text,
        name="version_text",
    ),
    path(
        "articles/<int:article_id>/versions/<int:number>/raw/",
        articles.version_raw,
        name="version_raw",
    ),
]
