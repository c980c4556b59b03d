"""People at scale: secretariat staff, current and former focal points, people invited by name."""

import datetime
import random

from django.contrib.auth.hashers import make_password

from members.models import Country, FocalPointAppointment, Ministry, User

from .common import BATCH, BENCH_PASSWORD, CYCLE_PREFIX, EMAIL_DOMAIN, Sizes


def seed(sizes: Sizes, rng: random.Random) -> list[User]:
    """Secretariat staff (the first is ``secretariat@scale.test``), focal points with a current
    appointment in every member country (the first is ``focal@scale.test``), former focal points,
    and people invited by name."""
    password = make_password(BENCH_PASSWORD)
    unusable = make_password(None)
    rows = []
    for i in range(sizes.users):
        if i == 0:
            email, staff = f"secretariat@{EMAIL_DOMAIN}", True
        elif i == 1:
            email, staff = f"focal@{EMAIL_DOMAIN}", False
        else:
            email, staff = f"person-{i}@{EMAIL_DOMAIN}", i % 100 == 0
        rows.append(
            User(
                email=email,
                full_name=f"Scale Person {i}",
                is_secretariat=staff,
                preferred_language="es" if i % 3 else "en",
                password=password if i < 2 else unusable,
            )
        )
    users = User.objects.bulk_create(rows, batch_size=BATCH)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(users[0], generate_totp_secret())  # production asks staff for a second factor

    countries = list(Country.objects.members_on(datetime.date.today()).order_by("iso_code"))
    ministries = Ministry.objects.bulk_create(
        [
            Ministry(country=c, kind=Ministry.Kind.BOTH, name=f"{CYCLE_PREFIX} ministry of {c.pk}")
            for c in countries
        ]
    )
    today = datetime.date.today()
    start = today - datetime.timedelta(days=365 * sizes.years)
    appointments = []
    for i, user in enumerate(users):
        if user.is_secretariat or i % 2 == 0 and i > 1:
            continue  # staff, and half the people (invited by name, no appointment)
        ministry = ministries[0] if i == 1 else ministries[i % len(ministries)]
        ended = i % 10 != 1  # one in five of the rest is current, the others have left
        begin = start + datetime.timedelta(days=rng.randint(0, max(1, 365 * sizes.years - 400)))
        appointments.append(
            FocalPointAppointment(
                user=user,
                ministry=ministry,
                start_on=begin,
                end_on=begin + datetime.timedelta(days=rng.randint(30, 360)) if ended else None,
                end_reason="Left the ministry" if ended else "",
            )
        )
    FocalPointAppointment.objects.bulk_create(appointments, batch_size=BATCH)
    return users
