"""The tasks moved from members to notifications, so their names changed. Celery beat keeps
its schedule in a file (`make run`: var/celerybeat-schedule) that may still hold the old names:
it must start from it and queue the tasks under their new names, never the old ones."""

from celery.beat import PersistentScheduler

from alliance.celery import app
from governance.tasks import sync_steering_committee
from notifications.tasks import send_digests, sweep_notifications

OLD_SCHEDULE = {
    "sweep-notifications": {"task": "members.tasks.sweep_notifications", "schedule": 300},
    "daily-digests": {"task": "members.tasks.send_digests", "schedule": 86400, "args": ["daily"]},
    "members-only": {"task": "members.tasks.gone", "schedule": 60},
}


def _tasks_in(filename) -> dict[str, str]:
    scheduler = PersistentScheduler(app=app, schedule_filename=filename)
    try:
        return {name: entry.task for name, entry in scheduler.schedule.items()}
    finally:
        scheduler.close()


def test_beat_started_on_a_schedule_file_of_the_old_task_names_queues_the_new_ones(tmp_path):
    filename = str(tmp_path / "celerybeat-schedule")
    current = app.conf.beat_schedule
    app.conf.beat_schedule = OLD_SCHEDULE  # as the file was written before the move
    try:
        assert _tasks_in(filename)["sweep-notifications"] == "members.tasks.sweep_notifications"
    finally:
        app.conf.beat_schedule = current

    tasks = _tasks_in(filename)

    assert tasks["sweep-notifications"] == sweep_notifications.name
    assert tasks["daily-digests"] == tasks["weekly-digests"] == send_digests.name
    assert tasks["sync-steering-committee"] == sync_steering_committee.name
    assert "members-only" not in tasks
    assert not [name for name in tasks.values() if name.startswith("members.")]
    assert sweep_notifications.name == "notifications.tasks.sweep_notifications"
