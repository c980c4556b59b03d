from django.urls import path

from core.views import MovedPermanently

from . import views

app_name = "members"

urlpatterns = [
    path("members/", views.members_page, name="members"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("backoffice/countries/", views.CountryList.as_view(), name="country-list"),
    path("backoffice/countries/join/", views.CountryJoin.as_view(), name="country-join"),
    path("backoffice/countries/<str:iso_code>/", views.country_detail, name="country-detail"),
    path(
        "backoffice/countries/<str:iso_code>/edit/",
        views.CountryEdit.as_view(),
        name="country-edit",
    ),
    path(
        "backoffice/countries/<str:iso_code>/leave/",
        views.CountryLeave.as_view(),
        name="country-leave",
    ),
    path("backoffice/ministries/", views.MinistryList.as_view(), name="ministry-list"),
    path("backoffice/ministries/new/", views.MinistryCreate.as_view(), name="ministry-create"),
    path(
        "backoffice/ministries/<int:pk>/edit/", views.MinistryEdit.as_view(), name="ministry-edit"
    ),
    path("backoffice/ministers/", views.MinisterList.as_view(), name="minister-list"),
    path("backoffice/ministers/new/", views.MinisterRecord.as_view(), name="minister-record"),
    path("backoffice/appointments/", views.AppointmentList.as_view(), name="appointment-list"),
    path(
        "backoffice/appointments/new/",
        views.AppointmentCreate.as_view(),
        name="appointment-create",
    ),
    path(
        "backoffice/appointments/<int:pk>/end/",
        views.AppointmentEnd.as_view(),
        name="appointment-end",
    ),
    path(
        "backoffice/appointments/<int:pk>/reinvite/",
        views.appointment_reinvite,
        name="appointment-reinvite",
    ),
    path("backoffice/audit/", views.AuditLog.as_view(), name="audit-log"),
    path("backoffice/partners/", views.PartnerList.as_view(), name="partner-list"),
    path("backoffice/partners/new/", views.PartnerCreate.as_view(), name="partner-create"),
    path("backoffice/partners/<int:pk>/edit/", views.PartnerEdit.as_view(), name="partner-edit"),
    # The appointment pages' first addresses (backoffice/focal-points/...) answer for good.
    *[
        path(
            f"backoffice/focal-points/{old}",
            MovedPermanently.as_view(pattern_name=f"members:appointment-{action}"),
            name=f"appointment-{action}-redirect",
        )
        for old, action in [
            ("", "list"),
            ("new/", "create"),
            ("<int:pk>/end/", "end"),
            ("<int:pk>/reinvite/", "reinvite"),
        ]
    ],
]
