"""Compile the translation catalogues (locale/*/LC_MESSAGES/django.po -> .mo) with polib, so a
fresh clone needs only Python (no GNU gettext). The set-up (Makefile, Dockerfile) runs it."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile every locale/*/LC_MESSAGES/*.po into its .mo."

    def handle(self, *args, **options):
        count = 0
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                try:
                    catalogue = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"{count} catalogue(s) compiled.")
