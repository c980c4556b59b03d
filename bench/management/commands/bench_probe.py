import json

from django.core.management.base import BaseCommand, CommandError

from bench import benchmark


class Command(BaseCommand):
    help = (
        "The benchmark's measurements inside Django, as JSON (make bench runs them): "
        "prepare (pages and sessions), queries (per page, from a JSON file of pages), "
        "sweep N (the reminder sweep with N due items), search (20 searches)."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["prepare", "queries", "sweep", "search"])
        parser.add_argument("argument", nargs="?", default="")

    def handle(self, *args, what, argument, **options):
        if what == "prepare":
            result = benchmark.prepare()
        elif what == "queries":
            with open(argument, encoding="utf-8") as source:
                result = benchmark.query_counts(json.load(source)["pages"])
        elif what == "sweep":
            if not argument.isdigit():
                raise CommandError("sweep needs the number of due items, e.g. 1000")
            result = benchmark.sweep_timing(int(argument))
        else:
            result = benchmark.search_timing()
        self.stdout.write(json.dumps(result))
