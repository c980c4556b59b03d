"""Forms of working groups, by topic; everything is importable from here."""

from .cycles import CycleForm
from .groups import LeadAddForm, LeadEndForm, OptOutCreateForm, OptOutEndForm
from .plans import ActivityForm, WorkPlanCreateForm, WorkPlanForm
from .reports import ReportForm, ReviewForm

__all__ = [
    "ActivityForm",
    "CycleForm",
    "LeadAddForm",
    "LeadEndForm",
    "OptOutCreateForm",
    "OptOutEndForm",
    "ReportForm",
    "ReviewForm",
    "WorkPlanCreateForm",
    "WorkPlanForm",
]
