"""The source strings are English: the English catalogue translates each to itself, so it is
complete by construction (and a test can hold every catalogue to the same rule). Every catalogue
is then sorted by message, without source locations, so that branches adding strings merge."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Fill locale/en/LC_MESSAGES/django.po with the English source strings."

    def handle(self, *args, **options):
        path = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = None
        catalogue.save()
        self.stdout.write(f"{len(catalogue)} English entries filled.")
        for path in Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po"):
            catalogue = polib.pofile(str(path), wrapwidth=100)
            for entry in catalogue:
                entry.occurrences = []
            catalogue.sort(key=lambda e: (e.obsolete, e.msgid, e.msgctxt or ""))
            catalogue.save()
