"""Included by the root URLs only when the app is installed (never in production)."""

from django.urls import path

from . import views

urlpatterns = [
    path("bench/ceiling", views.ceiling, name="bench-ceiling"),
]
