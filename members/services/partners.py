"""Partner institutions."""

from core.audit import audit, snapshot
from core.concurrency import save_versioned

from ..models import (
    PartnerInstitution,
)

PARTNER_FIELDS = ["name", "acronym", "kind", "country", "website", "joined_on", "left_on"]


def partner_create(*, by=None, **fields) -> PartnerInstitution:
    partner = PartnerInstitution(**fields)
    partner.full_clean()
    partner.save()
    audit(
        actor=by,
        action="partner.created",
        instance=partner,
        after=snapshot(partner, PARTNER_FIELDS),
    )
    return partner


def partner_update(
    *, partner: PartnerInstitution, version: int, by=None, **fields
) -> PartnerInstitution:
    before = snapshot(PartnerInstitution.objects.get(pk=partner.pk), list(fields))
    for name, value in fields.items():
        setattr(partner, name, value)
    save_versioned(partner, fields=list(fields), version=version)
    audit(
        actor=by,
        action="partner.changed",
        instance=partner,
        before=before,
        after=snapshot(partner, list(fields)),
    )
    return partner
