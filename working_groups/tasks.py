from celery import shared_task

from . import reminders


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=60,
    retry_backoff_max=1800,
    max_retries=5,
    soft_time_limit=120,
    time_limit=180,
)
def send_report_reminders() -> int:
    """Daily (Celery beat): remind focal points of reports due soon or overdue. Safe to run
    twice: each reminder is claimed by a unique row before it is sent."""
    return reminders.report_reminders_send()
