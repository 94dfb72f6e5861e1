"""`make restore BACKUP=...`: put a backup's database and uploaded files back, replacing the
current ones. Stop the app first; take a backup of the current state if it matters."""

from django.core.management.base import BaseCommand, CommandError

from newsdiff.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replace the database and uploaded files with those of a backup folder."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="a folder written by `make backup`")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask before replacing the database"
        )

    def handle(self, *args, backup, yes, **options):
        if not yes:
            answer = input(f"Replace the current database with {backup}? Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            manifest = restore_backup(backup)
        except BackupError as failed:
            raise CommandError(str(failed)) from None
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup of {manifest['created_at']} from {backup}")
        )
