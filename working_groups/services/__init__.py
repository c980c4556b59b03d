"""Writes to working groups, by topic: one business action per function, keyword-only, atomic,
and ``full_clean()`` before saving. Everything is importable from here:
``from working_groups.services import y``."""

from .cycles import approved_plan_for, cycle_close, cycle_open, cycle_summary_publish
from .groups import (
    LEAD_CHANGE_HOOKS,
    MAX_LEADS,
    group_lead_add,
    group_lead_end,
    group_opt_out_create,
    group_opt_out_end,
    register_lead_change_hook,
)
from .plans import (
    activity_delete,
    activity_save,
    work_plan_approve,
    work_plan_create,
    work_plan_revise,
    work_plan_update,
)
from .reports import (
    SaveOutcome,
    report_missing_fields,
    report_save,
    report_save_and_submit,
    report_submit,
)
from .review import report_carry_forward, report_review

__all__ = [
    "LEAD_CHANGE_HOOKS",
    "SaveOutcome",
    "MAX_LEADS",
    "activity_delete",
    "activity_save",
    "approved_plan_for",
    "cycle_close",
    "cycle_open",
    "cycle_summary_publish",
    "group_lead_add",
    "group_lead_end",
    "group_opt_out_create",
    "group_opt_out_end",
    "register_lead_change_hook",
    "report_carry_forward",
    "report_missing_fields",
    "report_review",
    "report_save",
    "report_save_and_submit",
    "report_submit",
    "work_plan_approve",
    "work_plan_create",
    "work_plan_revise",
    "work_plan_update",
]
