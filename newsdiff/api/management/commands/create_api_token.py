"""Make an API token for a user and print it once: only its hash is stored."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from newsdiff.accounts.roles import role_of
from newsdiff.api import tokens


class Command(BaseCommand):
    help = "Create an API token for USER and print it (it cannot be shown again)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for.")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not user.is_active:
            raise CommandError(f"{username} is deactivated; a token would not work.")
        role = role_of(user)
        if role is None:
            raise CommandError(f"{username} has no role (viewer, editor or admin) yet.")
        _, raw = tokens.issue(user, name=name)
        self.stdout.write(raw)
        self.stderr.write(
            f"Token for {username} ({role.group}). Store it now: it is not shown again."
        )
