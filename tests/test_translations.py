"""Spanish is complete: every message in the catalogue is translated and none is fuzzy."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["es", "en", "pt", "fr"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", ["es", "en", "pt", "fr"])
def test_compiled_catalogue_matches_the_source(language):
    """The committed .mo (what Django reads) holds the same translations as the .po."""
    folder = LOCALE / language / "LC_MESSAGES"
    compiled = polib.mofile(str(folder / "django.mo"))
    source = polib.pofile(str(folder / "django.po"))

    def singular(catalogue):
        return {(e.msgctxt, e.msgid): e.msgstr for e in catalogue if e.msgid and not e.msgid_plural}

    assert singular(compiled) == singular(source.translated_entries())
