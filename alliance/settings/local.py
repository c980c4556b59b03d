"""The embedded default for a developer's machine and the demo (``make run``)."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, VAR_DIR, env

# The benchmark's tooling (bench/): development only, never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="local-only-not-secret-" + "x" * 40)
# The demo may relax the second factor for staff; production refuses to (see production.py).
ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT = env.bool(
    "ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT", default=False
)
for sub in (
    "mail",
    "media",
    "broker/queue",
    "broker/processed",
    "broker/control",
    "cache",
    "page-cache",
):
    (VAR_DIR / sub).mkdir(parents=True, exist_ok=True)
# Password of the demo logins that ``manage.py load_demo`` creates (local and demo only).
ALLIANCE_DEMO_PASSWORD = env.str("ALLIANCE_DEMO_PASSWORD", default="alliance-demo-2026")
