from django.urls import path

from newsdiff.accounts import views

urlpatterns = [
    path("accounts/users/", views.user_list, name="user_list"),
    path("accounts/users/<int:user_id>/", views.user_update, name="user_update"),
]
