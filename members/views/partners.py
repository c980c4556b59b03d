"""Back office: partner institutions, and the audit log."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import AuditEntry
from core.views import FilteredListView, ServiceFormView

from .. import selectors, services
from ..decorators import SecretariatRequiredMixin
from ..filters import AuditFilter, PartnerFilter
from ..forms import PartnerCreateForm, PartnerForm
from ..models import PartnerInstitution


class PartnerList(SecretariatRequiredMixin, FilteredListView):
    template_name = "members/partner_list.html"
    filterset_class = PartnerFilter

    def get_queryset(self):
        return selectors.partner_list()


class PartnerPage(SecretariatRequiredMixin, ServiceFormView):
    def success_url_for(self, partner):
        return reverse("members:partner-list")


class PartnerCreate(PartnerPage):
    form_class = PartnerCreateForm
    title = gettext_lazy("Add a partner institution")

    def perform(self, form):
        return services.partner_create(by=self.request.user, **form.cleaned_data)

    def success_message(self, partner):
        return _("%(p)s has been added.") % {"p": partner}


class PartnerEdit(PartnerPage):
    form_class = PartnerForm

    def get_object(self):
        return get_object_or_404(PartnerInstitution, pk=self.kwargs["pk"])

    def get_title(self):
        return _("Edit %(p)s") % {"p": self.object}

    def perform(self, form):
        return services.partner_update(
            partner=self.object,
            version=form.cleaned_data["version"],
            by=self.request.user,
            **form.changed_values(),
        )

    def success_message(self, partner):
        return _("%(p)s has been saved.") % {"p": partner}


class AuditLog(SecretariatRequiredMixin, FilteredListView):
    """The secretariat browses the audit log; nobody edits it."""

    template_name = "members/audit_log.html"
    filterset_class = AuditFilter

    def get_queryset(self):
        return AuditEntry.objects.select_related("actor").order_by("-at", "-pk")
