from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list, name="notification-list"),
    path("notifications/read/", views.notification_mark_read, name="notification-mark-read"),
    path("notifications/settings/", views.notification_settings, name="notification-settings"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("backoffice/notifications/", views.notification_queue, name="notification-queue"),
    path(
        "backoffice/notifications/<int:pk>/retry/",
        views.notification_retry,
        name="notification-retry",
    ),
]
