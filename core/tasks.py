"""Queueing a Celery task from a request or a service without letting the broker break it."""

import logging

logger = logging.getLogger(__name__)


def enqueue(task, *args) -> bool:
    """Queue a task without letting a broker outage break the caller: whatever is not queued
    now, the next sweep picks up (pending notifications and unsent invitations are queued
    again). Returns whether the task was queued."""
    try:
        task.apply_async(args=args, retry=False)
    except Exception as error:  # noqa: BLE001 - the broker may be down; nothing is lost
        logger.warning("could not queue %s%s: %s", task.name, args, error)
        return False
    return True
