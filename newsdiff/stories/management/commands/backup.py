"""`make backup`: write a consistent copy of the database and uploaded files to backups/."""

from django.core.management.base import BaseCommand, CommandError

from newsdiff.backups import BackupError, make_backup


class Command(BaseCommand):
    help = "Back up the database and uploaded files into backups/<timestamp>/."

    def add_arguments(self, parser):
        parser.add_argument("--into", help="folder to hold the backup (default: backups/)")

    def handle(self, *args, into=None, **options):
        try:
            path = make_backup(into)
        except BackupError as failed:
            raise CommandError(str(failed)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
        self.stdout.write(f"Restore it with: make restore BACKUP={path}")
