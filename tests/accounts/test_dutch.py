"""The site's own Dutch (locale/nl/LC_MESSAGES/django.po) overrides allauth's "je" with "u", and the committed .mo
says what the .po says."""

import ast
import gettext
import re

from django.conf import settings
from django.utils import translation

from tests.accounts.test_pages import INFORMAL

PO = settings.BASE_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def po_entries():
    """(msgid, msgid_plural or None, [msgstr, ...]) for every entry of the .po but the header."""
    entries, entry, key = [], None, None
    for line in PO.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(msgid|msgid_plural|msgstr(?:\[\d\])?) (\".*\")$", line)
        if match:
            key = match.group(1)
            if key == "msgid":
                entry = {}
                entries.append(entry)
            entry[key] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
    return [
        (e["msgid"], e.get("msgid_plural"), [v for k, v in sorted(e.items()) if k.startswith("msgstr")])
        for e in entries
        if e["msgid"]
    ]


def test_the_compiled_messages_match_the_po_file():
    with PO.with_suffix(".mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    entries = po_entries()
    assert len(entries) > 80
    for msgid, plural, strings in entries:
        if plural:
            assert [catalog.ngettext(msgid, plural, n) for n in (1, 2)] == strings, msgid
        else:
            assert catalog.gettext(msgid) == strings[0], msgid


def test_no_override_says_je_or_aanmelden():
    for msgid, _, strings in po_entries():
        for string in strings:
            assert not INFORMAL.search(string), (msgid, string)


def test_the_site_uses_the_overrides_before_allauths_own_dutch():
    with translation.override("nl"):
        assert translation.gettext("You have signed out.") == "U bent uitgelogd."
        assert translation.gettext("Sign In") == "Inloggen"
        assert translation.gettext("Sign Out") == "Uitloggen"
