"""Make sure a local editor account and a local admin account exist, and say how to log in.

`make run` calls this so a newcomer can log in straight away: as the editor to upload and
review, as the admin to manage users and deleted items. Each password is generated once per
checkout and kept in var/ (which git ignores), never committed.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from newsdiff.accounts.roles import Role, grant


class Command(BaseCommand):
    help = "Create the local editor and admin accounts if missing and print their logins."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument("--port", type=int, default=8000, help="where `make run` serves")

    def handle(self, *args, username, admin_username, port, **options):
        for name, role, filename in [
            (username, Role.EDITOR, "local-login.txt"),
            (admin_username, Role.ADMIN, "local-admin-login.txt"),
        ]:
            login_file = settings.VAR_DIR / filename
            password = self._ensure(name, role, login_file)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Log in at http://127.0.0.1:{port}/login/ as {name!r} ({role.group}) "
                    f"with password {password!r} (kept in {login_file})"
                )
            )

    def _ensure(self, username, role, login_file) -> str:
        """The account's password: the saved one while it still works, else a new one."""
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = None
        if login_file.exists():
            saved_user, _, saved_password = login_file.read_text().strip().partition(":")
            if saved_user == username and user and user.check_password(saved_password):
                password = saved_password
        if password is None:
            password = secrets.token_urlsafe(9)
            if user is None:
                user = User(username=username, is_staff=role == Role.ADMIN)
            user.set_password(password)
            user.is_active = True
            user.save()
            login_file.write_text(f"{username}:{password}\n")
            login_file.chmod(0o600)
        grant(user, role)
        return password
