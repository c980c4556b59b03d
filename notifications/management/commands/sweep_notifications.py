from django.core.management.base import BaseCommand

from notifications.tasks import sweep_notifications


class Command(BaseCommand):
    help = "Find the reminders that are due now and queue them for the Celery worker."

    def handle(self, *args, **options):
        count = sweep_notifications.apply().get()
        self.stdout.write(f"{count} notification(s) queued for sending.")
