"""Make sure a local editor account exists, and say how to log in with it.

`make run` calls this so a newcomer can log in straight away. The password is generated
once per checkout and kept in var/local-login.txt (git ignores var/), never committed.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from newsdiff.accounts.roles import Role, grant


class Command(BaseCommand):
    help = "Create the local editor account if missing and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--port", type=int, default=8000, help="where `make run` serves")

    def handle(self, *args, username, port, **options):
        User = get_user_model()
        login_file = settings.VAR_DIR / "local-login.txt"
        user = User.objects.filter(username=username).first()
        password = None
        if login_file.exists():
            saved_user, _, saved_password = login_file.read_text().strip().partition(":")
            if saved_user == username and user and user.check_password(saved_password):
                password = saved_password
        if password is None:
            password = secrets.token_urlsafe(9)
            if user is None:
                user = User(username=username, is_staff=True)
            user.set_password(password)
            user.save()
            login_file.write_text(f"{username}:{password}\n")
            login_file.chmod(0o600)
        grant(user, Role.EDITOR)
        self.stdout.write(
            self.style.SUCCESS(
                f"Log in at http://127.0.0.1:{port}/login/ "
                f"as {username!r} with password {password!r} (kept in {login_file})"
            )
        )
