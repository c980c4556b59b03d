import time

from django.core.management.base import BaseCommand

from bench import seeding


class Command(BaseCommand):
    help = (
        "Fill the database with years of data for the benchmark, in bulk: knowledge products, "
        "people, reporting cycles with reports, meetings with invitees. Does nothing when the "
        "data is already there; --reset removes what an earlier run added first."
    )

    def add_arguments(self, parser):
        defaults = seeding.Sizes()
        parser.add_argument("--products", type=int, default=defaults.products)
        parser.add_argument("--users", type=int, default=defaults.users)
        parser.add_argument("--years", type=int, default=defaults.years)
        parser.add_argument("--meetings", type=int, default=defaults.meetings)
        parser.add_argument("--invitees", type=int, default=defaults.invitees)
        parser.add_argument(
            "--reset", action="store_true", help="Remove the data an earlier run added first."
        )

    def handle(self, *args, **options):
        sizes = seeding.Sizes(
            products=options["products"],
            users=max(options["users"], 2),
            years=max(options["years"], 1),
            meetings=options["meetings"],
            invitees=options["invitees"],
        )
        started = time.monotonic()
        if options["reset"]:
            seeding.reset()
            self.stdout.write("Removed the data of an earlier run.")
        elif seeding.is_seeded(sizes):
            self.stdout.write("Already seeded at these sizes: nothing to do (--reset to redo).")
            return
        elif seeding.is_partly_seeded():
            seeding.reset()
            self.stdout.write("Removed the data of an earlier run at other sizes.")
        counts = seeding.seed(sizes, log=self.stdout.write)
        self.stdout.write(
            f"Seeded in {time.monotonic() - started:.1f} s: "
            + ", ".join(f"{value} {name}" for name, value in counts.items())
        )
