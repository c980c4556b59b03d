"""How much to seed, and the marks every seeded row carries (so ``--reset`` finds exactly them)."""

from dataclasses import dataclass

EMAIL_DOMAIN = "scale.test"
PREFIX = "scale-"
CYCLE_PREFIX = "Scale"
BATCH = 5000
# Password of the benchmark's two logins (secretariat and a focal point).
BENCH_PASSWORD = "scale-bench-password-2026"


@dataclass
class Sizes:
    products: int = 50_000
    users: int = 3_000
    years: int = 6
    meetings: int = 5_000
    invitees: int = 3
