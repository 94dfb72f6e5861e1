from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from newsdiff.api.docs import api_docs

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("newsdiff.stories.urls")),
    path("", include("newsdiff.quotes.urls")),
    path("", include("newsdiff.search.urls")),
    path("", include("newsdiff.exports.urls")),
    path("api/v1/docs/", api_docs, name="api_docs"),
    path("api/v1/", include("newsdiff.api.urls")),
    path("", include("newsdiff.collation.urls")),
    path("", include("newsdiff.accounts.urls")),
    path("", include("newsdiff.jobs.urls")),
]
