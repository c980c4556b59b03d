"""Demo data of the working groups: lead countries (the real leads were not public when this was
written, so the demo chooses)."""

import datetime

from members.models import Country

from .models import GroupLead, WorkingGroup

GROUP_LEADS = {1: ["EC", "JM"], 2: ["CR"], 3: ["AR", "PA"]}


def load(*, password: str):
    for number, codes in GROUP_LEADS.items():
        group = WorkingGroup.objects.get(number=number)
        for code in codes:
            GroupLead.objects.get_or_create(
                group=group,
                country=Country.objects.get(iso_code=code),
                defaults={"start_on": datetime.date(2025, 2, 1)},
            )
    return []
