import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, ModelMultipleChoiceField, VersionedModelForm
from core.text import LineField
from members.models import Country
from working_groups.models import WorkingGroup

from . import selectors
from .models import KnowledgeProduct


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


class ProductForm(VersionedModelForm):
    topics_text = LineField(
        label=_("Topics"),
        required=False,
        max_length=600,
        help_text=_("Separate topics with commas, for example: youth, prisons, money laundering."),
    )
    translation_of_slug = LineField(
        label=_("Translation of"),
        required=False,
        max_length=120,
        help_text=_(
            "If this product translates another one, the address name of the original "
            "(the last part of its address in the library)."
        ),
    )
    related_slugs = LineField(
        label=_("Related products"),
        required=False,
        max_length=1200,
        help_text=_("Address names of related products, separated by commas."),
    )

    class Meta:
        model = KnowledgeProduct
        fields = [
            "title",
            "product_type",
            "summary",
            "body",
            "language",
            "pillars",
            "countries",
            "is_regional",
            "published_on",
            "authors",
            "organisation",
            "working_group",
            "evidence_level",
            "evidence_verdict",
        ]
        field_classes = {"pillars": ModelMultipleChoiceField, "countries": ModelMultipleChoiceField}
        widgets = {
            "published_on": DateInput,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "pillars": forms.CheckboxSelectMultiple,
            "countries": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["pillars"].queryset = WorkingGroup.objects.order_by("number")
        self.fields["working_group"].queryset = WorkingGroup.objects.order_by("number")
        self.fields["countries"].queryset = Country.objects.ordered_by_name()
        self.fields["countries"].help_text = _(
            "Hold Ctrl (or Cmd) to choose several. Leave empty for a regional product."
        )
        # Django's blank option reads "---------"; say what it means instead.
        for field in self.fields.values():
            blank = _("Choose one") if field.required else _("None")
            if isinstance(field, forms.ModelChoiceField):
                if field.empty_label is not None:
                    field.empty_label = blank
            elif isinstance(field, forms.ChoiceField) and field.choices:
                first_value = list(field.choices)[0][0]
                if first_value in ("", None):
                    field.choices = [("", blank), *list(field.choices)[1:]]
        product = self.instance
        if product.pk and not self.is_bound:
            self.fields["topics_text"].initial = ", ".join(t.name for t in product.topics.all())
            self.fields["related_slugs"].initial = ", ".join(
                p.slug for p in product.related_products.all()
            )
            if product.translation_of_id:
                self.fields["translation_of_slug"].initial = product.translation_of.slug

    def clean_translation_of_slug(self):
        slug = self.cleaned_data["translation_of_slug"].strip()
        if not slug:
            return None
        original = selectors.linkable_products(user=self.user).filter(slug=slug).first()
        if original is None:
            raise ValidationError(_("No product has the address name %(s)s.") % {"s": slug})
        return original

    def clean_related_slugs(self):
        slugs = _split(self.cleaned_data["related_slugs"])
        found = list(selectors.linkable_products(user=self.user).filter(slug__in=slugs))
        missing = sorted(set(slugs) - {p.slug for p in found})
        if missing:
            raise ValidationError(
                _("No product has the address name %(s)s.") % {"s": ", ".join(missing)}
            )
        return found

    def clean(self):
        data = super().clean()
        if not data.get("is_regional") and not data.get("countries") and "countries" in data:
            self.add_error(
                "countries", _("Choose the countries covered, or mark the product as regional.")
            )
        return data

    def _post_clean(self):
        # Model validation happens in the service (it needs the relations set as well).
        pass

    def service_values(self) -> dict:
        data = self.cleaned_data
        values = {name: data[name] for name in self._meta.fields}
        values["evidence_verdict"] = values.get("evidence_verdict") or ""
        values["translation_of"] = data.get("translation_of_slug")
        values["related_products"] = data.get("related_slugs") or []
        values["topics"] = _split(data.get("topics_text", ""))
        return values


class ProductCreateForm(ProductForm):
    version = None
    proposing_country = forms.ModelChoiceField(
        label=_("Proposed for"), queryset=Country.objects.none(), required=False
    )

    class Meta(ProductForm.Meta):
        pass

    def __init__(self, *args, countries=None, secretariat=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["proposing_country"]
        field.queryset = countries if countries is not None else Country.objects.none()
        if secretariat:
            field.help_text = _("Leave empty for a product of the secretariat.")
        else:
            field.empty_label = None
            field.help_text = _("The country you are focal point for.")
            # With one country there is nothing to choose: the service takes that country.
            field.required = len(field.queryset) != 1


class FileForm(forms.Form):
    label = LineField(
        label=_("Label"),
        max_length=150,
        help_text=_("What the file is, for example: Full report, Summary, Data."),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument, CSV or an image (PNG, JPEG, GIF, WebP)."
        ),
    )


class FileReplaceForm(forms.Form):
    file = forms.FileField(label=_("New version of the file"))
    reason = LineField(
        label=_("Why it is replaced"),
        max_length=300,
        help_text=_(
            "Shown to readers next to the earlier version, for example: corrected table 3."
        ),
    )


class LinkForm(forms.Form):
    label = LineField(label=_("Label"), max_length=150)
    url = forms.URLField(label=_("Address"), max_length=500, assume_scheme="https")


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should change"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
    )
