"""Demo data of governance: the real presidency history (Ecuador from the launch, Argentina from
the Buenos Aires summit of September 2025), demo terms after it, and meetings past and upcoming."""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone

from members.models import Country, User
from working_groups.models import WorkingGroup

from . import services
from .models import Meeting, MeetingDocument, PresidencyTerm

LAUNCH = datetime.date(2024, 12, 12)
BUENOS_AIRES_SUMMIT = datetime.date(2025, 9, 9)


def _presidency():
    if PresidencyTerm.objects.exists():
        return
    secretariat = User.objects.filter(is_secretariat=True).order_by("pk").first()
    country = {c.iso_code: c for c in Country.objects.filter(iso_code__in=["EC", "AR", "PA", "JM"])}
    ecuador = services.presidency_term_add(
        country=country["EC"], start_on=LAUNCH, notes="First presidency, from the launch."
    )
    services.presidency_handover(
        term=ecuador,
        on=BUENOS_AIRES_SUMMIT,
        successor=country["AR"],
        reason="Handed over at the second Regional Security and Justice Summit, Buenos Aires.",
        by=secretariat,
    )
    # After Argentina's 12 months the demo chooses the rotation (marked as demo data).
    for code in ("PA", "JM"):
        services.presidency_term_add(country=country[code], notes="Demo data.")


def _meeting(title, **fields):
    meeting = Meeting.objects.filter(title=title).first()
    if meeting is None:
        meeting = services.meeting_create(title=title, **fields)
    return meeting


def _at(days: int, hour: int, zone: str) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=zoneinfo.ZoneInfo(zone))


def _meetings():
    organiser = User.objects.filter(is_secretariat=True).order_by("pk").first()
    institutions = WorkingGroup.objects.get(number=2)
    vulnerable = WorkingGroup.objects.get(number=1)
    held = _meeting(
        "Steering committee: 2026 work plans",
        organiser=organiser,
        body=Meeting.Body.STEERING_COMMITTEE,
        start_at=_at(-40, 9, "America/Panama"),
        end_at=_at(-40, 11, "America/Panama"),
        time_zone="America/Panama",
        online_url="https://meet.example.org/steering-committee",
        agenda=(
            "1. Work plans of the three groups\n2. Calendar of the next summit\n3. Other business"
        ),
        status=Meeting.Status.HELD,
        visibility=Meeting.Visibility.MEMBERS,
    )
    if not held.documents.exists():
        minutes = ContentFile(
            b"Minutes of the steering committee (demo).\nThe committee approved the work plans.\n",
            name="minutes.txt",
        )
        services.meeting_document_add(
            meeting=held,
            kind=MeetingDocument.Kind.MINUTES,
            title="Minutes",
            file=minutes,
            by=organiser,
        )
    _meeting(
        "Working group 2: prison intelligence exchange",
        organiser=organiser,
        body=Meeting.Body.WORKING_GROUP,
        group=institutions,
        start_at=_at(14, 10, "America/Bogota"),
        end_at=_at(14, 12, "America/Bogota"),
        time_zone="America/Bogota",
        place="IDB country office, Bogotá",
        online_url="https://meet.example.org/wg2",
        agenda="1. Country experiences\n2. Draft protocol for information exchange",
        visibility=Meeting.Visibility.MEMBERS,
    )
    _meeting(
        "Working group 1: youth recruitment prevention clinic",
        organiser=organiser,
        body=Meeting.Body.WORKING_GROUP,
        group=vulnerable,
        start_at=_at(21, 14, "America/Jamaica"),
        end_at=_at(21, 16, "America/Jamaica"),
        time_zone="America/Jamaica",
        online_url="https://meet.example.org/wg1",
        agenda="Evidence on programmes that keep young people out of gangs.",
        visibility=Meeting.Visibility.MEMBERS,
    )
    # Within a week: its reminders go out as soon as `make run` starts (see var/mail/).
    _meeting(
        "Steering committee: preparing the third summit",
        organiser=organiser,
        body=Meeting.Body.STEERING_COMMITTEE,
        start_at=_at(3, 10, "America/Panama"),
        end_at=_at(3, 12, "America/Panama"),
        time_zone="America/Panama",
        online_url="https://meet.example.org/steering-committee",
        agenda="1. Draft declaration\n2. Logistics of the summit",
        visibility=Meeting.Visibility.MEMBERS,
    )
    # Held four days ago with no minutes yet: its organiser is reminded.
    _meeting(
        "Working group 3: asset recovery workshop",
        organiser=organiser,
        body=Meeting.Body.WORKING_GROUP,
        group=WorkingGroup.objects.get(number=3),
        start_at=_at(-4, 9, "America/Argentina/Buenos_Aires"),
        end_at=_at(-4, 13, "America/Argentina/Buenos_Aires"),
        time_zone="America/Argentina/Buenos_Aires",
        place="Buenos Aires",
        status=Meeting.Status.HELD,
        visibility=Meeting.Visibility.MEMBERS,
    )
    _meeting(
        "Third Regional Security and Justice Summit",
        organiser=organiser,
        body=Meeting.Body.MINISTERS,
        start_at=_at(60, 9, "America/Panama"),
        end_at=_at(61, 17, "America/Panama"),
        time_zone="America/Panama",
        place="Panama City",
        agenda="Ministers of security and of justice of the member countries meet (demo data).",
        visibility=Meeting.Visibility.PUBLIC,
    )


def load(*, password: str):
    _presidency()
    _meetings()
    services.committee_sync()
    return []
