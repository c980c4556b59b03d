"""A person's own profile and language."""


def profile_update(*, user, full_name: str, preferred_language: str, time_zone: str):
    user.full_name = full_name
    user.preferred_language = preferred_language
    user.time_zone = time_zone
    user.full_clean(exclude=["password", "email"])
    user.save(update_fields=["full_name", "preferred_language", "time_zone"])
    return user


def preferred_language_set(*, user, language: str) -> None:
    user.preferred_language = language
    user.full_clean(exclude=["password", "email"])
    user.save(update_fields=["preferred_language"])
