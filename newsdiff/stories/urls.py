from django.urls import path

from newsdiff.stories.views import articles, deletion, stories, uploads

urlpatterns = [
    path("", stories.story_list, name="story_list"),
    path("stories/<slug:slug>/", stories.story_detail, name="story_detail"),
    path("stories/<slug:slug>/upload/", uploads.story_upload, name="story_upload"),
    path("stories/<slug:slug>/delete/", deletion.story_delete, name="story_delete"),
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
    path(
        "articles/<int:article_id>/versions/<int:number>/delete/",
        deletion.version_delete,
        name="version_delete",
    ),
    path("deleted/", deletion.deleted_list, name="deleted_list"),
    path("deleted/stories/<int:story_id>/restore/", deletion.story_restore, name="story_restore"),
    path(
        "deleted/versions/<int:version_id>/restore/",
        deletion.version_restore,
        name="version_restore",
    ),
]
