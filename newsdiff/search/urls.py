from django.urls import path

from newsdiff.search.views import inbox, quotes

urlpatterns = [
    path("quotes/search/", quotes.quote_search, name="quote_search"),
    path("quotes/<int:quote_id>/elsewhere/", quotes.quote_elsewhere, name="quote_elsewhere"),
    path("upload/", inbox.inbox_upload, name="inbox_upload"),
]
