"""Every language the portal offers (Spanish, English, Portuguese and French) is complete: each
catalogue has every message translated and none fuzzy, and its compiled .mo (what Django reads)
says the same as its .po. A failure names the language."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["es", "en", "pt", "fr"]


def test_the_languages_checked_are_the_languages_offered():
    assert [code for code, _name in settings.LANGUAGES] == LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{language}: {len(untranslated)} message(s) not translated"
    assert fuzzy == [], f"{language}: {len(fuzzy)} fuzzy message(s)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    compiled = polib.mofile(str(folder / "django.mo"))
    source = polib.pofile(str(folder / "django.po"))

    def singular(catalogue):
        return {(e.msgctxt, e.msgid): e.msgstr for e in catalogue if e.msgid and not e.msgid_plural}

    mo, po = singular(compiled), singular(source.translated_entries())
    differing = sorted(str(key[1]) for key in mo.keys() ^ po.keys()) + sorted(
        str(key[1]) for key in mo.keys() & po.keys() if mo[key] != po[key]
    )
    assert differing == [], f"{language}: django.mo differs from django.po (make catalogues)"
