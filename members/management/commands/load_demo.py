"""Demo data for ``make run``: safe to run again (it updates, never duplicates).

Each installed app of ours may have a ``demo`` module with a ``load(password=...)`` function;
they run in the order of INSTALLED_APPS, so later apps can build on earlier ones."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

OUR_APPS = ("members", "working_groups", "governance", "knowledge")


class Command(BaseCommand):
    help = "Load demo data (ministries, people, partners, governance, ...). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print logins.")

    def handle(self, *args, **options):
        password = getattr(settings, "ALLIANCE_DEMO_PASSWORD", "")
        if not password:
            # Only the local (embedded default) and test settings define a demo password.
            raise CommandError("Demo data is loaded only with the local or test settings.")
        logins: list[tuple[str, str]] = []
        with transaction.atomic():
            for config in apps.get_app_configs():
                if config.name not in OUR_APPS:
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError:
                    continue
                logins += module.load(password=password) or []
        if not options["quiet_logins"]:
            self.stdout.write(f"\nDemo logins (password for all: {password})")
            for email, role in logins:
                self.stdout.write(f"  {email:32} {role}")
            self.stdout.write("")
