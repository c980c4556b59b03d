"""Back office: focal point appointments (and the invitations they bring)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.dates import alliance_today
from core.views import FilteredListView, ServiceFormView

from .. import selectors, services
from ..decorators import SecretariatRequiredMixin, secretariat_required
from ..filters import AppointmentFilter
from ..forms import AppointForm, AppointmentEndForm
from ..models import FocalPointAppointment


class AppointmentList(SecretariatRequiredMixin, FilteredListView):
    template_name = "members/appointment_list.html"
    filterset_class = AppointmentFilter

    def get_queryset(self):
        return selectors.appointment_list()

    def get_extra_context(self):
        return {"today": alliance_today()}


class AppointmentPage(SecretariatRequiredMixin, ServiceFormView):
    def success_url_for(self, appointment):
        return reverse("members:appointment-list")


class AppointmentCreate(AppointmentPage):
    form_class = AppointForm
    title = gettext_lazy("Appoint a focal point")
    intro = gettext_lazy(
        "A person without an account receives an invitation by e-mail to set a password."
    )
    submit = gettext_lazy("Appoint and invite")

    def perform(self, form):
        return services.focal_point_appoint(by=self.request.user, **form.cleaned_data)

    def success_message(self, appointment):
        return _("%(n)s is appointed focal point of %(m)s.") % {
            "n": appointment.user,
            "m": appointment.ministry,
        }


class AppointmentEnd(AppointmentPage):
    form_class = AppointmentEndForm
    submit = gettext_lazy("End the appointment")

    def get_object(self):
        return get_object_or_404(
            FocalPointAppointment.objects.select_related("user", "ministry"), pk=self.kwargs["pk"]
        )

    def get_title(self):
        return _("End the appointment of %(n)s (%(m)s)") % {
            "n": self.object.user,
            "m": self.object.ministry,
        }

    def perform(self, form):
        services.appointment_end(appointment=self.object, by=self.request.user, **form.cleaned_data)
        return self.object

    def success_message(self, appointment):
        return _("The appointment of %(n)s has ended.") % {"n": appointment.user}


@secretariat_required
@require_http_methods(["POST"])
def appointment_reinvite(request, pk):
    appointment = get_object_or_404(FocalPointAppointment.objects.select_related("user"), pk=pk)
    if appointment.user.has_usable_password():
        messages.error(request, _("%(n)s has already set a password.") % {"n": appointment.user})
    else:
        services.invitation_create(user=appointment.user, by=request.user)
        messages.success(
            request, _("A new invitation is on its way to %(e)s.") % {"e": appointment.user.email}
        )
    return redirect("members:appointment-list")
