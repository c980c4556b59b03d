from django.urls import path

from .views import calendars, meetings, presidency

app_name = "governance"

urlpatterns = [
    path("governance/", presidency.governance_page, name="governance"),
    path("governance/meetings/", meetings.meeting_list, name="meeting-list"),
    path("governance/meetings/new/", meetings.meeting_create, name="meeting-create"),
    path("governance/meetings/public.ics", calendars.public_feed, name="public-feed"),
    path("governance/meetings/<int:pk>/", meetings.meeting_detail, name="meeting-detail"),
    path("governance/meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting-edit"),
    path("governance/meetings/<int:pk>/respond/", meetings.meeting_respond, name="meeting-respond"),
    path(
        "governance/meetings/<int:pk>/documents/",
        meetings.meeting_document_add,
        name="meeting-document-add",
    ),
    path("governance/meetings/<int:pk>/calendar.ics", calendars.meeting_ics, name="meeting-ics"),
    path(
        "governance/documents/<int:pk>/",
        meetings.meeting_document_download,
        name="meeting-document-download",
    ),
    path("governance/calendar/", calendars.calendar_settings, name="calendar-settings"),
    path("governance/calendar/<str:token>.ics", calendars.private_feed, name="private-feed"),
    path("backoffice/presidency/", presidency.term_list, name="term-list"),
    path("backoffice/presidency/new/", presidency.term_create, name="term-create"),
    path(
        "backoffice/presidency/schedule/",
        presidency.term_schedule,
        name="term-schedule",
    ),
    path(
        "backoffice/presidency/<int:pk>/end/",
        presidency.term_change_end,
        name="term-change-end",
    ),
    path(
        "backoffice/presidency/<int:pk>/handover/",
        presidency.term_handover,
        name="term-handover",
    ),
]
