"""Governance's part of the demo, read from the YAML files next to this one: the presidency
history and the rotation after it, meetings past and upcoming, the steering committee."""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone

from core.demo_registry import read, read_bytes
from governance import services
from governance.models import Meeting, PresidencyTerm
from members.models import Country, User
from working_groups.models import WorkingGroup


def load(*, password: str) -> list[tuple[str, str]]:
    _presidency()
    _meetings()
    services.committee_sync()
    return []


def _presidency() -> None:
    if PresidencyTerm.objects.exists():
        return
    data = read(__file__, "presidency.yaml")
    secretariat = User.objects.filter(is_secretariat=True).order_by("pk").first()
    first, handover = data["first"], data["handover"]
    term = services.presidency_term_add(
        country=Country.objects.get(iso_code=first["country"]),
        start_on=first["start_on"],
        notes=first["notes"],
    )
    services.presidency_handover(
        term=term,
        on=handover["handed_over_on"],
        successor=Country.objects.get(iso_code=handover["successor"]),
        reason=handover["reason"],
        by=secretariat,
    )
    # The terms after it follow each other, 12 months each.
    for item in data["then"]:
        services.presidency_term_add(
            country=Country.objects.get(iso_code=item["country"]), notes=item["notes"]
        )


def _at(when: dict, zone: str) -> datetime.datetime:
    """``when["days"]`` from today, at ``when["hour"]`` o'clock in ``zone``."""
    day = timezone.localdate() + datetime.timedelta(days=when["days"])
    return datetime.datetime(
        day.year, day.month, day.day, when["hour"], 0, tzinfo=zoneinfo.ZoneInfo(zone)
    )


def _meetings() -> None:
    organiser = User.objects.filter(is_secretariat=True).order_by("pk").first()
    for item in read(__file__, "meetings.yaml"):
        # body, time_zone, place, online_url, agenda, status, visibility: as the model has them.
        fields = {
            key: value
            for key, value in item.items()
            if key not in ("title", "group", "starts", "ends", "documents")
        }
        if "group" in item:
            fields["group"] = WorkingGroup.objects.get(number=item["group"])
        meeting = Meeting.objects.filter(title=item["title"]).first()
        if meeting is None:
            meeting = services.meeting_create(
                title=item["title"],
                organiser=organiser,
                start_at=_at(item["starts"], item["time_zone"]),
                end_at=_at(item["ends"], item["time_zone"]),
                **fields,
            )
        documents = item.get("documents", [])
        if documents and not meeting.documents.exists():
            for document in documents:
                services.meeting_document_add(
                    meeting=meeting,
                    kind=document["kind"],
                    title=document["title"],
                    file=ContentFile(read_bytes(__file__, document["file"]), name=document["file"]),
                    by=organiser,
                )
