"""The members app's part of the demo, read from the YAML files next to this one: a member that
joined after the launch, ministries and ministers, partner institutions, the demo logins."""

from allauth.account.models import EmailAddress

from core.demo_registry import read
from members.models import (
    Country,
    FocalPointAppointment,
    MembershipPeriod,
    Minister,
    Ministry,
    PartnerInstitution,
    User,
)


def load(*, password: str) -> list[tuple[str, str]]:
    """Create or update the demo records; returns the demo logins (e-mail, role)."""
    _countries()
    ministries = _ministries()
    _partners()
    people = read(__file__, "people.yaml")
    _people(people, ministries, password)
    return [(person["email"], person["role"]) for person in people]


def _countries() -> None:
    for item in read(__file__, "countries.yaml"):
        names = {key: value for key, value in item.items() if key.startswith("name_")}
        country, _ = Country.objects.get_or_create(iso_code=item["iso_code"], defaults=names)
        MembershipPeriod.objects.get_or_create(
            country=country, start_on=item["joined_on"], defaults={"note": item["note"]}
        )


def _ministries() -> dict[tuple[str, str], Ministry]:
    data = read(__file__, "ministries.yaml")
    ministries = {}
    for item in data["ministries"]:
        country = Country.objects.get(iso_code=item["country"])
        ministry, _ = Ministry.objects.update_or_create(
            country=country, name=item["name"], defaults={"kind": item["kind"]}
        )
        Minister.objects.get_or_create(
            ministry=ministry,
            full_name=item["minister"],
            defaults={"start_on": data["ministers_since"]},
        )
        ministries[(item["country"], item["name"])] = ministry
    return ministries


def _partners() -> None:
    for item in read(__file__, "partners.yaml"):
        PartnerInstitution.objects.update_or_create(
            name=item["name"],
            defaults={
                "acronym": item.get("acronym", ""),
                "kind": item["kind"],
                "joined_on": item["joined_on"],
            },
        )


def _people(people: list[dict], ministries: dict, password: str) -> None:
    for person in people:
        secretariat = person.get("secretariat", False)
        user, created = User.objects.get_or_create(
            email=person["email"],
            defaults={
                "full_name": person["full_name"],
                "is_secretariat": secretariat,
                "is_staff": secretariat,
                "is_superuser": secretariat,
                "preferred_language": person["language"],
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=person["email"], defaults={"verified": True, "primary": True}
        )
        appointment = person.get("appointment")
        if appointment:
            ministry = ministries[(appointment["country"], appointment["ministry"])]
            if not FocalPointAppointment.objects.filter(user=user, ministry=ministry).exists():
                FocalPointAppointment.objects.create(
                    user=user,
                    ministry=ministry,
                    appointed_by=ministry.ministers.order_by("-start_on").first(),
                    start_on=appointment["start_on"],
                )
