"""Writes for the pro-tempore presidency rotation: scheduling terms, changing a term's end, an
early handover. Each one brings the steering committee's record in line (``committee_sync``)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.audit import audit, snapshot
from core.dates import alliance_today
from members.models import Country

from ..dates import default_term_end
from ..models import PresidencyTerm, PresidencyTermChange
from .committee import committee_sync

# Audited as people read them: the last day, not ``end_on`` (the first day after).
TERM_FIELDS = ["country", "start_on", "last_day"]


def _clash_error(clash: PresidencyTerm) -> ValidationError:
    return ValidationError(
        _("These dates overlap the term of %(country)s (%(start)s – %(end)s).")
        % {"country": clash.country, "start": clash.start_on, "end": clash.last_day},
        code="overlap",
    )


def _check_term(*, country: Country, start_on, end_on, exclude_pks=()) -> None:
    """``end_on`` is the first day after the term (the next term may start on it)."""
    if end_on <= start_on:
        raise ValidationError(_("A term cannot end before it starts."), code="dates")
    if not Country.objects.members_on(start_on).filter(pk=country.pk).exists():
        raise ValidationError(
            _(
                "%(country)s is not a member of the Alliance on %(date)s; only member countries "
                "hold the presidency."
            )
            % {"country": country, "date": start_on},
            code="not_member",
        )
    clash = (
        PresidencyTerm.objects.overlapping(start_on, end_on)
        .exclude(pk__in=exclude_pks)
        .select_related("country")
        .order_by("start_on")
        .first()
    )
    if clash is not None:
        raise _clash_error(clash)


def _save_term(term: PresidencyTerm, **kwargs) -> None:
    """Save, turning the database's own refusal (a concurrent overlapping write) into a message."""
    try:
        with transaction.atomic():
            term.save(**kwargs)
    except IntegrityError as error:
        raise ValidationError(
            _("These dates overlap another term (it was saved a moment ago). Reload the page."),
            code="overlap",
        ) from error


def _default_term_end(start_on: datetime.date) -> datetime.date:
    """``end_on`` of a 12-month term; refused when it would fall after the year 9999."""
    try:
        return default_term_end(start_on)
    except ValueError:
        raise ValidationError(
            _("A 12-month term from %(date)s would end after the year 9999; give its last day.")
            % {"date": start_on},
            code="dates",
        ) from None


def next_term_start() -> datetime.date:
    last = PresidencyTerm.objects.order_by("-end_on").first()
    return last.end_on if last else alliance_today()


@transaction.atomic
def presidency_term_add(
    *,
    country: Country,
    start_on: datetime.date | None = None,
    end_on: datetime.date | None = None,
    notes: str = "",
    by=None,
) -> PresidencyTerm:
    """Schedule a term (``end_on``: the first day after it). By default it starts the day after
    the last term's last day and lasts 12 months."""
    start_on = start_on or next_term_start()
    end_on = end_on or _default_term_end(start_on)
    _check_term(country=country, start_on=start_on, end_on=end_on)
    term = PresidencyTerm(country=country, start_on=start_on, end_on=end_on, notes=notes)
    term.full_clean()
    _save_term(term)
    audit(actor=by, action="presidency.scheduled", instance=term, after=snapshot(term, TERM_FIELDS))
    committee_sync()
    return term


@transaction.atomic
def presidency_schedule(*, countries: list[Country], by=None) -> list[PresidencyTerm]:
    """Schedule consecutive 12-month terms for the countries, in order, after the last term."""
    if len({c.pk for c in countries}) != len(countries):
        raise ValidationError(_("Each country may appear only once in one schedule."))
    return [presidency_term_add(country=country, by=by) for country in countries]


@transaction.atomic
def presidency_term_change_end(
    *, term: PresidencyTerm, end_on: datetime.date, reason: str, by
) -> PresidencyTerm:
    """Shorten or extend a term to end before ``end_on``; the reason is recorded."""
    term = PresidencyTerm.objects.select_for_update().select_related("country").get(pk=term.pk)
    if end_on == term.end_on:
        raise ValidationError({"end_on": _("That is already the term's last day.")})
    _check_term(country=term.country, start_on=term.start_on, end_on=end_on, exclude_pks=[term.pk])
    kind = (
        PresidencyTermChange.Kind.EXTENDED
        if end_on > term.end_on
        else PresidencyTermChange.Kind.SHORTENED
    )
    PresidencyTermChange.objects.create(
        term=term,
        kind=kind,
        old_start_on=term.start_on,
        old_end_on=term.end_on,
        new_start_on=term.start_on,
        new_end_on=end_on,
        reason=reason,
        changed_by=by,
    )
    before = snapshot(term, TERM_FIELDS)
    term.end_on = end_on
    _save_term(term, update_fields=["end_on"])
    audit(
        actor=by,
        action=f"presidency.{kind}",
        instance=term,
        before=before,
        after={**snapshot(term, TERM_FIELDS), "reason": reason},
    )
    committee_sync()
    return term


@transaction.atomic
def presidency_handover(
    *,
    term: PresidencyTerm,
    on: datetime.date,
    reason: str,
    by,
    successor: Country | None = None,
) -> PresidencyTerm:
    """The holder steps down early: its term's last day is the day before ``on`` (its ``end_on``
    becomes ``on``) and the next term starts on ``on``. Scheduled terms after it move earlier by
    the same number of days, keeping their length. Without a scheduled next term, ``successor``
    starts a 12-month term. Returns the term that starts on ``on``."""
    term = PresidencyTerm.objects.select_for_update().select_related("country").get(pk=term.pk)
    if not term.start_on < on < term.end_on:
        raise ValidationError(
            {
                "on": _(
                    "The handover must fall after the term's first day and no later than its "
                    "last day (%(start)s – %(end)s)."
                )
                % {"start": term.start_on, "end": term.last_day}
            }
        )
    later = list(
        PresidencyTerm.objects.select_for_update()
        .filter(start_on__gte=term.end_on)
        .order_by("start_on")
    )
    if not later and successor is None:
        raise ValidationError(
            {
                "successor": _(
                    "No term is scheduled after this one: choose the country that takes over."
                )
            }
        )
    PresidencyTermChange.objects.create(
        term=term,
        kind=PresidencyTermChange.Kind.HANDOVER,
        old_start_on=term.start_on,
        old_end_on=term.end_on,
        new_start_on=term.start_on,
        new_end_on=on,
        reason=reason,
        changed_by=by,
    )
    term.end_on = on
    _save_term(term, update_fields=["end_on"])
    if not later:
        successor_term = PresidencyTerm(
            country=successor, start_on=on, end_on=_default_term_end(on), notes=reason
        )
        _check_term(country=successor, start_on=on, end_on=successor_term.end_on)
        _save_term(successor_term)
        audit(
            actor=by,
            action="presidency.scheduled",
            instance=successor_term,
            after=snapshot(successor_term, TERM_FIELDS),
        )
    else:
        shift = later[0].start_on - on
        for moved in later:  # earliest first, so no two terms ever overlap on the way
            PresidencyTermChange.objects.create(
                term=moved,
                kind=PresidencyTermChange.Kind.MOVED,
                old_start_on=moved.start_on,
                old_end_on=moved.end_on,
                new_start_on=moved.start_on - shift,
                new_end_on=moved.end_on - shift,
                reason=reason,
                changed_by=by,
            )
            before = snapshot(moved, TERM_FIELDS)
            moved.start_on -= shift
            moved.end_on -= shift
            _save_term(moved, update_fields=["start_on", "end_on"])
            audit(
                actor=by,
                action="presidency.moved",
                instance=moved,
                before=before,
                after={**snapshot(moved, TERM_FIELDS), "reason": reason},
            )
        successor_term = later[0]
    committee_sync()
    return successor_term
