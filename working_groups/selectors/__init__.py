"""Read queries for working groups, by topic. Each runs a fixed number of SQL queries, whatever
the number of countries, groups or reports. Everything is importable from here:
``from working_groups.selectors import y``."""

from .cycles import Matrix, Rate, cycle_list, cycle_matrix, group_matrices, published_cycles
from .groups import (
    alliance_members,
    countries_taking_part,
    group_composition,
    group_detail,
    group_list,
    group_members,
    groups_led,
    lead_history,
    opt_out_history,
)
from .plans import current_plan, plan_activities, plan_list, plan_progress
from .progress import ConsolidatedRow, GroupSummary, consolidated_progress, public_summary
from .reports import previous_report, report_detail, reports_for_countries

__all__ = [
    "alliance_members",
    "countries_taking_part",
    "ConsolidatedRow",
    "GroupSummary",
    "Matrix",
    "Rate",
    "consolidated_progress",
    "current_plan",
    "cycle_list",
    "cycle_matrix",
    "group_composition",
    "group_detail",
    "group_list",
    "group_matrices",
    "group_members",
    "groups_led",
    "lead_history",
    "opt_out_history",
    "plan_activities",
    "plan_list",
    "plan_progress",
    "previous_report",
    "public_summary",
    "published_cycles",
    "report_detail",
    "reports_for_countries",
]
