"""Hostile input to the knowledge workspace's forms."""

import pytest
from django.urls import reverse
from hypothesis import strategies as st

from knowledge.models import KnowledgeProduct
from working_groups.models import WorkingGroup

from .checks import Form, post_hostile_input
from .strategies import choice, countries, current_version, dates, ids, many_ids, name_text, text


def _product_fields(w, *, create):
    values = {
        "title": name_text(),
        "product_type": choice(KnowledgeProduct.Type.values),
        "summary": name_text(),
        "body": text(300),
        "language": choice(KnowledgeProduct.Language.values),
        "pillars": many_ids(WorkingGroup.objects.all()),
        "countries": many_ids(countries()),
        "is_regional": st.sampled_from(["on", ""]),
        "published_on": dates(),
        "authors": text(),
        "organisation": text(),
        "working_group": ids(WorkingGroup.objects.all()),
        "evidence_level": choice(KnowledgeProduct.EvidenceLevel.values),
        "evidence_verdict": choice(KnowledgeProduct.Verdict.values),
        "topics_text": text(),
        "translation_of_slug": st.sampled_from(["", w.published.slug]),
        "related_slugs": st.sampled_from(["", w.published.slug]),
    }
    if create:
        values["proposing_country"] = ids(countries())
    return values


FORMS = {
    # Knowledge workspace
    "product-create": Form(
        "bob",
        lambda w: reverse("knowledge:product-create"),
        lambda w: _product_fields(w, create=True),
    ),
    "product-create-secretariat": Form(
        "alice",
        lambda w: reverse("knowledge:product-create"),
        lambda w: _product_fields(w, create=True),
    ),
    "product-edit": Form(
        "bob",
        lambda w: reverse("knowledge:product-edit", args=[w.product.pk]),
        lambda w: {
            **_product_fields(w, create=False),
            "version": current_version(KnowledgeProduct, w.product.pk),
        },
    ),
    "file-add": Form(
        "bob",
        lambda w: reverse("knowledge:file-add", args=[w.product.pk]),
        lambda w: {"label": name_text()},
        files=("file",),
    ),
    "file-replace": Form(
        "bob",
        lambda w: reverse("knowledge:file-replace", args=[w.product_file.pk]),
        lambda w: {"reason": name_text()},
        files=("file",),
    ),
    "link-add": Form(
        "bob",
        lambda w: reverse("knowledge:link-add", args=[w.product.pk]),
        lambda w: {
            "label": name_text(),
            "url": st.sampled_from(["https://example.org/a", "example.org", "ftp://x"]),
        },
    ),
    "product-return": Form(
        "alice",
        lambda w: reverse("knowledge:product-return", args=[w.product.pk]),
        lambda w: {"comment": text()},
    ),
}


@pytest.mark.parametrize("form_name", sorted(FORMS))
def test_every_form_answers_hostile_input_without_a_500_and_leaves_nothing_half_saved(
    client, world, form_name
):
    post_hostile_input(client, world, FORMS[form_name])
