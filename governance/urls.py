from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("governance/", views.governance_page, name="governance"),
    path("governance/meetings/", views.meeting_list, name="meeting-list"),
    path("governance/meetings/new/", views.meeting_create, name="meeting-create"),
    path("governance/meetings/public.ics", views.public_feed, name="public-feed"),
    path("governance/meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("governance/meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("governance/meetings/<int:pk>/respond/", views.meeting_respond, name="meeting-respond"),
    path(
        "governance/meetings/<int:pk>/documents/",
        views.meeting_document_add,
        name="meeting-document-add",
    ),
    path("governance/meetings/<int:pk>/calendar.ics", views.meeting_ics, name="meeting-ics"),
    path(
        "governance/documents/<int:pk>/",
        views.meeting_document_download,
        name="meeting-document-download",
    ),
    path("governance/calendar/", views.calendar_settings, name="calendar-settings"),
    path("governance/calendar/<str:token>.ics", views.private_feed, name="private-feed"),
    path("backoffice/presidency/", views.presidency_admin, name="presidency-admin"),
    path("backoffice/presidency/new/", views.presidency_term_add, name="presidency-term-add"),
    path("backoffice/presidency/schedule/", views.presidency_schedule, name="presidency-schedule"),
    path(
        "backoffice/presidency/<int:pk>/end/", views.presidency_term_end, name="presidency-term-end"
    ),
    path(
        "backoffice/presidency/<int:pk>/handover/",
        views.presidency_handover,
        name="presidency-handover",
    ),
]
