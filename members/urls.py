from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("members/", views.members_page, name="members"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("backoffice/countries/", views.country_list, name="country-list"),
    path("backoffice/countries/join/", views.country_join, name="country-join"),
    path("backoffice/countries/<str:iso_code>/", views.country_detail, name="country-detail"),
    path("backoffice/countries/<str:iso_code>/edit/", views.country_edit, name="country-edit"),
    path("backoffice/countries/<str:iso_code>/leave/", views.country_leave, name="country-leave"),
    path("backoffice/ministries/", views.ministry_list, name="ministry-list"),
    path("backoffice/ministries/new/", views.ministry_create, name="ministry-create"),
    path("backoffice/ministries/<int:pk>/edit/", views.ministry_edit, name="ministry-edit"),
    path("backoffice/ministers/", views.minister_list, name="minister-list"),
    path("backoffice/ministers/new/", views.minister_record, name="minister-record"),
    path("backoffice/focal-points/", views.appointment_list, name="appointment-list"),
    path("backoffice/focal-points/new/", views.appointment_create, name="appointment-create"),
    path("backoffice/focal-points/<int:pk>/end/", views.appointment_end, name="appointment-end"),
    path(
        "backoffice/focal-points/<int:pk>/reinvite/",
        views.appointment_reinvite,
        name="appointment-reinvite",
    ),
    path("backoffice/audit/", views.audit_log, name="audit-log"),
    path("backoffice/partners/", views.partner_list, name="partner-list"),
    path("backoffice/partners/new/", views.partner_create, name="partner-create"),
    path("backoffice/partners/<int:pk>/edit/", views.partner_edit, name="partner-edit"),
]
