from celery import shared_task

from . import services


@shared_task(soft_time_limit=60, time_limit=120)
def sync_steering_committee() -> int:
    """A daily safety net: the dated committee record agrees with the terms and group leads."""
    return services.committee_sync()
