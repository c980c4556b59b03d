from tests.governance.conftest import groups, make_meeting  # noqa: F401 - shared fixtures
