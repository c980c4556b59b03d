"""The workspace behind the library: focal points propose products, the secretariat reviews,
edits, publishes and archives them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import apply_errors
from core.pages import render_filtered_list, render_form_page
from members.decorators import secretariat_required
from members.models import Country
from members.permissions import countries_for, is_secretariat

from . import permissions, selectors, services
from .filters import WorkspaceFilter
from .forms import FileForm, FileReplaceForm, LinkForm, ProductCreateForm, ProductForm, ReturnForm
from .models import KnowledgeProduct, ProductLink


def _require_proposer(user) -> None:
    if not permissions.may_propose(user):
        raise PermissionDenied


def _form_page(
    request, form, *, title, product=None, template="knowledge/workspace_form.html", **kw
):
    return render_form_page(
        request, form, title=title, template=template, extra={"product": product}, **kw
    )


@login_required
def workspace(request):
    _require_proposer(request.user)
    filterset = WorkspaceFilter(
        request.GET, queryset=selectors.workspace_products(user=request.user)
    )
    return render_filtered_list(
        request,
        "knowledge/workspace_list.html",
        filterset,
        {
            "status_counts": selectors.status_counts(user=request.user),
            "is_reviewer": permissions.may_review(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def product_create(request):
    _require_proposer(request.user)
    secretariat = is_secretariat(request.user)
    countries = Country.objects.ordered_by_name() if secretariat else countries_for(request.user)
    form = ProductCreateForm(
        request.POST or None, countries=countries, secretariat=secretariat, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            product = services.product_create(
                by=request.user,
                proposing_country=form.cleaned_data.get("proposing_country"),
                **form.service_values(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The draft %(t)s is saved. Add its files and links, then submit it.")
                % {"t": product.title},
            )
            return redirect("knowledge:workspace-product", pk=product.pk)
    return _form_page(request, form, title=_("Propose a knowledge product"))


@login_required
def workspace_product(request, pk):
    _require_proposer(request.user)
    product = selectors.workspace_product(user=request.user, pk=pk)
    return render(
        request,
        "knowledge/workspace_product.html",
        {
            "product": product,
            "may_edit": permissions.may_edit(request.user, product),
            "is_reviewer": permissions.may_review(request.user),
            "return_form": ReturnForm(),
            "Status": KnowledgeProduct.Status,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def product_edit(request, pk):
    _require_proposer(request.user)
    product = selectors.editable_product(user=request.user, pk=pk)
    form = ProductForm(request.POST or None, instance=product, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.product_update(
                product=product,
                by=request.user,
                version=form.cleaned_data["version"],
                **form.service_values(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(t)s has been saved.") % {"t": product.title})
            return redirect("knowledge:workspace-product", pk=product.pk)
    return _form_page(request, form, title=_("Edit %(t)s") % {"t": product.title}, product=product)


@login_required
@require_http_methods(["GET", "POST"])
def file_add(request, pk):
    _require_proposer(request.user)
    product = selectors.editable_product(user=request.user, pk=pk)
    form = FileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.product_file_add(
                product=product,
                by=request.user,
                label=form.cleaned_data["label"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The file has been added."))
            return redirect("knowledge:workspace-product", pk=product.pk)
    return _form_page(
        request,
        form,
        title=_("Add a file to %(t)s") % {"t": product.title},
        product=product,
        submit=_("Upload"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def file_replace(request, pk):
    _require_proposer(request.user)
    product_file = selectors.editable_file(user=request.user, pk=pk)
    form = FileReplaceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.product_file_replace(
                product_file=product_file,
                by=request.user,
                upload=form.cleaned_data["file"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, _("The new version is online; the earlier one stays downloadable.")
            )
            return redirect("knowledge:workspace-product", pk=product_file.product_id)
    return _form_page(
        request,
        form,
        title=_("Replace %(f)s") % {"f": product_file.label},
        product=product_file.product,
        intro=_("Readers can still download the earlier version, with your reason."),
        submit=_("Upload the new version"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def link_add(request, pk):
    _require_proposer(request.user)
    product = selectors.editable_product(user=request.user, pk=pk)
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.product_link_add(product=product, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The link has been added."))
            return redirect("knowledge:workspace-product", pk=product.pk)
    return _form_page(
        request, form, title=_("Add a link to %(t)s") % {"t": product.title}, product=product
    )


@login_required
@require_POST
def link_remove(request, pk):
    _require_proposer(request.user)
    link = get_object_or_404(ProductLink, pk=pk)
    selectors.editable_product(user=request.user, pk=link.product_id)
    services.product_link_remove(link=link, by=request.user)
    messages.success(request, _("The link has been removed."))
    return redirect("knowledge:workspace-product", pk=link.product_id)


def _transition(request, product, action, success: str):
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return render(
            request,
            "knowledge/workspace_product.html",
            {
                "product": selectors.workspace_product(user=request.user, pk=product.pk),
                "may_edit": permissions.may_edit(request.user, product),
                "is_reviewer": permissions.may_review(request.user),
                "return_form": ReturnForm(request.POST or None),
                "Status": KnowledgeProduct.Status,
            },
            status=409 if getattr(error, "code", None) == "status" else 400,
        )
    messages.success(request, success)
    return redirect("knowledge:workspace-product", pk=product.pk)


@login_required
@require_POST
def product_submit(request, pk):
    _require_proposer(request.user)
    product = selectors.editable_product(user=request.user, pk=pk)
    return _transition(
        request,
        product,
        lambda: services.product_submit(product=product, by=request.user),
        _("The product is submitted; the secretariat will review it."),
    )


@secretariat_required
@require_POST
def product_return(request, pk):
    product = selectors.workspace_product(user=request.user, pk=pk)
    form = ReturnForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _transition(
        request,
        product,
        lambda: services.product_return(product=product, by=request.user, comment=comment),
        _("The product is back in draft, with your comment."),
    )


@secretariat_required
@require_POST
def product_publish(request, pk):
    product = selectors.workspace_product(user=request.user, pk=pk)
    return _transition(
        request,
        product,
        lambda: services.product_publish(product=product, by=request.user),
        _("The product is published in the library."),
    )


@secretariat_required
@require_POST
def product_archive(request, pk):
    product = selectors.workspace_product(user=request.user, pk=pk)
    return _transition(
        request,
        product,
        lambda: services.product_archive(product=product, by=request.user),
        _("The product is archived: it left the listings; its page stays online with a notice."),
    )


@secretariat_required
@require_POST
def product_unarchive(request, pk):
    product = selectors.workspace_product(user=request.user, pk=pk)
    return _transition(
        request,
        product,
        lambda: services.product_unarchive(product=product, by=request.user),
        _("The product is published again."),
    )
