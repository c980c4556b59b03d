"""The Alliance's three technical working groups, by topic: groups with their dated lead and
member countries (``groups``), work plans and activities (``plans``), reporting cycles
(``cycles``) and each country's progress reports with updates, evidence and review trail
(``reports``). Everything is importable from here: ``from working_groups.models import X``."""

from .cycles import ReportingCycle
from .groups import GroupLead, GroupOptOut, WorkingGroup
from .plans import Activity, WorkPlan
from .reports import ActivityUpdate, Evidence, ProgressReport, ReportEvent, evidence_upload_to

__all__ = [
    "Activity",
    "ActivityUpdate",
    "Evidence",
    "GroupLead",
    "GroupOptOut",
    "ProgressReport",
    "ReportEvent",
    "ReportingCycle",
    "WorkPlan",
    "WorkingGroup",
    "evidence_upload_to",
]
