"""The one shape of a back-office page, on Django's generic class-based views.

:class:`FilteredListView` is a ``ListView`` filtered by a django-filter ``FilterSet`` and
paginated by ``PAGE_SIZE``; a bad query string gets the page with the form's errors and status
400 (never a 500), and any page number gets a page (the nearest one). :class:`ServiceFormView` is
a ``FormView`` whose valid form calls one service: a ``ValidationError`` from the service is shown
on the form, a stale edit answers 409 with the person's input kept, other bad input 400 (the same
rules as :mod:`core.pages`, which the function views use). Access is the subclass's business (a
mixin in front, such as members' ``SecretariatRequiredMixin``)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, RedirectView

from .forms import apply_errors
from .pages import form_status


class FilteredListView(ListView):
    """Subclasses set ``template_name``, ``filterset_class`` and ``get_queryset()`` (a selector);
    ``extra_context`` or ``get_extra_context()`` add to the page."""

    filterset_class = None
    http_method_names = ["get"]

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def paginate_queryset(self, queryset, page_size):
        """Like ``Paginator.get_page``: a page number that is not one gets the nearest page."""
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_extra_context(self) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(request.GET, queryset=self.get_queryset())
        if not self.filterset.is_valid():
            self.object_list = self.filterset.queryset.none()
            context = {"filter": self.filterset, "page_obj": None, **self.get_extra_context()}
            return self.render_to_response(context, status=400)
        self.object_list = self.filterset.qs
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context.update(
            filter=self.filterset, query_without_page=query.urlencode(), **self.get_extra_context()
        )
        return context


class ServiceFormView(FormView):
    """Subclasses set ``form_class``, ``title`` (and ``intro``, ``submit``), and define
    ``perform(form)`` (call the one service, return what it made or changed),
    ``success_message(result)`` and ``success_url_for(result)``. ``get_object()`` gives the record
    the page is about (None by default): a model form edits it, and titles may name it."""

    template_name = "components/form_page.html"
    http_method_names = ["get", "post"]
    title = ""
    intro = ""
    submit = ""

    def get_object(self):
        return None

    # The record is looked up once the access mixins in front and the method check let the
    # request in (a 404 never tells an outsider whether a record exists).
    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # An empty POST is an unfilled form (shown again with 200), as in the function views.
        if not self.request.POST and not self.request.FILES:
            kwargs.pop("data", None)
            kwargs.pop("files", None)
        if self.object is not None and hasattr(self.form_class, "_meta"):
            kwargs["instance"] = self.object
        return kwargs

    def get_title(self) -> str:
        return self.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            title=self.get_title(), intro=self.intro, submit_label=self.submit or _("Save")
        )
        return context

    def perform(self, form):
        raise NotImplementedError

    def success_message(self, result) -> str:
        raise NotImplementedError

    def success_url_for(self, result) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.perform(form)
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message(result))
        return redirect(self.success_url_for(result))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=form_status(form))


class MovedPermanently(RedirectView):
    """An old address of a page that moved: 301 to the new one with the query string kept, and
    308 for a POST so that the form is sent again to the new address."""

    permanent = True
    query_string = True

    def post(self, request, *args, **kwargs):
        return HttpResponsePermanentRedirect(
            self.get_redirect_url(*args, **kwargs), preserve_request=True
        )
