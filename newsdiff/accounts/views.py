"""The users page: admins see every account with its role and set role and access."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role
from newsdiff.accounts.users import UserChangeRefused, change_user, user_state

ROLE_CHOICES = [("", "No role")] + [(r.group, r.group.capitalize()) for r in Role]


class UserChangeForm(forms.Form):
    role = forms.ChoiceField(choices=ROLE_CHOICES, required=False)
    active = forms.BooleanField(required=False, label="Can log in")

    def cleaned_role(self) -> Role | None:
        name = self.cleaned_data["role"]
        return Role[name.upper()] if name else None


@require_http_methods(["GET"])
@require_role(Role.ADMIN)
def user_list(request):
    users = get_user_model().objects.order_by("username").prefetch_related("groups")
    rows = [
        (user, UserChangeForm(initial=user_state(user), prefix=f"u{user.pk}")) for user in users
    ]
    return render(request, "accounts/user_list.html", {"rows": rows})


@require_http_methods(["POST"])
@require_role(Role.ADMIN)
def user_update(request, user_id):
    user = get_object_or_404(get_user_model(), pk=user_id)
    form = UserChangeForm(request.POST, prefix=f"u{user.pk}")
    if not form.is_valid():
        messages.error(request, f"Nothing changed for {user.get_username()}: choose a listed role.")
        return redirect("user_list")
    try:
        change_user(
            request.user, user.pk, role=form.cleaned_role(), active=form.cleaned_data["active"]
        )
    except UserChangeRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Saved {user.get_username()}.")
    return redirect("user_list")
