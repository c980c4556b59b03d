"""Who may do what with knowledge products. Views and services both ask these functions.

Focal points (group leads included) of member countries propose products for their countries:
they create drafts, edit them while they are drafts, and submit them for review. The secretariat
reviews, edits, publishes and archives any product.
"""

from members.permissions import (
    acting_country_ids,
    country_ids_for,
    is_acting_focal_point,
    is_secretariat,
)

from .models import KnowledgeProduct


def may_propose(user) -> bool:
    return is_secretariat(user) or is_acting_focal_point(user)


def may_review(user) -> bool:
    return is_secretariat(user)


def may_see_in_workspace(user, product: KnowledgeProduct) -> bool:
    """The secretariat sees every product; a focal point sees their countries' proposals."""
    if is_secretariat(user):
        return True
    return product.proposing_country_id in country_ids_for(user)


def may_edit(user, product: KnowledgeProduct) -> bool:
    """The secretariat edits any product that is not archived; a focal point edits their
    countries' drafts only."""
    if is_secretariat(user):
        return product.status != KnowledgeProduct.Status.ARCHIVED
    return (
        product.status == KnowledgeProduct.Status.DRAFT
        and product.proposing_country_id in acting_country_ids(user)
    )
