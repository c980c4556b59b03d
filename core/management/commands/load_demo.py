"""Demo data for ``make run``: safe to run again (it updates, never duplicates).

Each app of ours registers its part of the demo from its ``AppConfig.ready()``
(``core/demo_registry.py``); the parts load in the order of INSTALLED_APPS, so later apps
build on earlier ones."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import demo_registry


class Command(BaseCommand):
    help = "Load demo data (ministries, people, partners, governance, ...). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print logins.")

    def handle(self, *args, **options):
        password = getattr(settings, "ALLIANCE_DEMO_PASSWORD", "")
        if not password:
            # Only the local (embedded default) and test settings define a demo password.
            raise CommandError("Demo data is loaded only with the local or test settings.")
        with transaction.atomic():
            logins = demo_registry.load_all(password=password)
        if not options["quiet_logins"]:
            self.stdout.write(f"\nDemo logins (password for all: {password})")
            for email, role in logins:
                self.stdout.write(f"  {email:32} {role}")
            self.stdout.write("")
