import shutil
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

LOCALE_DIR = Path(settings.PROJECT_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_every_interface_string_is_translated(code):
    catalogue = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 0
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert catalogue.metadata["Language"] == code
    keys = [(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete]
    assert sorted({key for key in keys if keys.count(key) > 1}, key=str) == []  # GNU gettext refuses duplicates


def test_compiling_writes_a_catalogue_django_reads(tmp_path):
    shutil.copytree(LOCALE_DIR / "fr", tmp_path / "fr")
    (tmp_path / "fr" / "LC_MESSAGES" / "django.mo").unlink(missing_ok=True)

    with override_settings(LOCALE_PATHS=[tmp_path]):
        call_command("compile_translations", stdout=StringIO())

    compiled = polib.mofile(str(tmp_path / "fr" / "LC_MESSAGES" / "django.mo"))
    assert {entry.msgid: entry.msgstr for entry in compiled}["Skip to main content"] == "Aller au contenu principal"
    with override_settings(LOCALE_PATHS=[tmp_path]), translation.override("fr"):
        assert translation.gettext("Page not found") == "Page introuvable"
