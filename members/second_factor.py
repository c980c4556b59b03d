"""The second factor on every door.

allauth's login records in the session each way the person proved who they are ("password",
then "mfa" once the code was given). A session counts as having passed the second factor only
when that record says so: a session made any other way (a login outside allauth's flow) has not,
whatever authenticators the person has set up.
"""

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator

# What allauth's login asks for as a second factor (recovery codes only stand in for these).
SECOND_FACTOR_TYPES = frozenset({Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN})


def session_passed_second_factor(request, user) -> bool:
    """Whether this session gave a second factor for this user (from the session, no query)."""
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


def authenticator_types(user) -> frozenset[str]:
    """The kinds of authenticator the person has set up (one query)."""
    return frozenset(Authenticator.objects.filter(user=user).values_list("type", flat=True))


def second_factor_set_up(sender, request, user, authenticator, **kwargs) -> None:
    """Setting up an authenticator takes a valid code from it: the session that did so has given
    its second factor, and is recorded the way allauth records a code given at login. Connected
    to allauth's ``authenticator_added`` signal; only the person's own session is marked."""
    if request is None or authenticator.type not in SECOND_FACTOR_TYPES:
        return
    if getattr(request, "user", None) is None or request.user.pk != user.pk:
        return
    record_authentication(
        request, user, "mfa", id=authenticator.pk, type=authenticator.type, set_up=True
    )
