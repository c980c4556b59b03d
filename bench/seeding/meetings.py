"""Meetings at scale: every body, spread over the years (a few still ahead), with invitees."""

import datetime
import random
import uuid

from django.utils import timezone

from governance.models import Meeting
from members.models import User
from working_groups.models import WorkingGroup

from .common import BATCH, PREFIX, Sizes


def seed(sizes: Sizes, rng: random.Random, users: list[User]) -> tuple[int, int]:
    """Meetings of every body spread over the years (a few still ahead), each with a few extra
    invitees."""
    groups = list(WorkingGroup.objects.all())
    now = timezone.now()
    span = sizes.years * 365 * 24
    rows = []
    for i in range(sizes.meetings):
        start = now - datetime.timedelta(hours=rng.randint(-24 * 90, span))
        start = start.replace(minute=0, second=0, microsecond=0)
        body = rng.choice(["ministers", "steering_committee", "working_group", "working_group"])
        rows.append(
            Meeting(
                body=body,
                group=rng.choice(groups) if body == "working_group" else None,
                title=f"Meeting {i}",
                start_at=start,
                end_at=start + datetime.timedelta(hours=2),
                place="Online",
                agenda="1. Welcome\n2. Progress\n3. Next steps",
                status="held" if start < now else "planned",
                visibility="public" if i % 3 == 0 else "members",
                organiser=users[0],
                uid=f"{PREFIX}{uuid.uuid4().hex}",
            )
        )
    meetings = Meeting.objects.bulk_create(rows, batch_size=BATCH)
    invitee_rows = [
        Meeting.extra_invitees.through(meeting=meeting, user=user)
        for meeting in meetings
        for user in rng.sample(users, min(sizes.invitees, len(users)))
    ]
    Meeting.extra_invitees.through.objects.bulk_create(
        invitee_rows, batch_size=BATCH, ignore_conflicts=True
    )
    return len(meetings), len(invitee_rows)
