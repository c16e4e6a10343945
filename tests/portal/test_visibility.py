"""An alias is as private as its source: made public before its source was made private, it leaves every listing."""

import pytest

from tests.builders import make_standard_page, restrict_to_logged_in
from tests.markup import main_menu, page_text, search_results, sitemap_content


def make_alias_of_private_page(site, where, *, show_in_menus):
    """A page with the word "kwartelkoning", an alias of it next to the other sections, and then a view restriction
    on the page itself (where="source") or on the section above it (where="section")."""
    section = make_standard_page(site.home, title="Overleg")
    source = make_standard_page(
        section, title="Crisisoverleg", show_in_menus=show_in_menus, summary="Verslag over de kwartelkoning."
    )
    alias = source.create_alias(parent=site.home, update_slug="crisisoverleg")
    make_standard_page(site.home, title="Zichtbaar", show_in_menus=show_in_menus, summary="Ook de kwartelkoning.")
    restrict_to_logged_in(source if where == "source" else section)
    return alias


@pytest.mark.parametrize("where", ["source", "section"])
def test_an_alias_of_a_private_page_is_not_in_the_menu_or_the_sitemap(client, site, where):
    alias = make_alias_of_private_page(site, where, show_in_menus=True)

    home = client.get("/")
    sitemap = sitemap_content(client)

    assert main_menu(home) == [("Nieuws", "/nieuws/", False), ("Zichtbaar", "/zichtbaar/", False)]
    assert "Crisisoverleg" not in home.content.decode()
    assert "/zichtbaar/</loc>" in sitemap
    assert alias.url_path.removeprefix("/home") not in sitemap


@pytest.mark.parametrize("where", ["source", "section"])
def test_an_alias_of_a_private_page_is_not_in_the_footer(client, site, where):
    make_alias_of_private_page(site, where, show_in_menus=False)

    content = client.get("/").content.decode()
    footer = content[content.index('<footer class="site-footer">') :]

    assert '<a href="/zichtbaar/">Zichtbaar</a>' in footer
    assert "Crisisoverleg" not in footer


@pytest.mark.parametrize("where", ["source", "section"])
def test_an_alias_of_a_private_page_is_not_found_by_search(client, site, where):
    make_alias_of_private_page(site, where, show_in_menus=False)

    response = client.get("/zoeken/", {"q": "kwartelkoning"})

    assert search_results(response) == [("Zichtbaar", "/zichtbaar/")]
    assert "1 resultaat voor ‘kwartelkoning’" in page_text(response)
    assert "Crisisoverleg" not in response.content.decode()
    assert "Verslag" not in response.content.decode()


@pytest.mark.parametrize("where", ["source", "section"])
def test_an_alias_of_a_private_page_is_served_only_to_those_allowed(client, site, where, django_user_model):
    alias = make_alias_of_private_page(site, where, show_in_menus=False)

    anonymous = client.get(alias.url)
    client.force_login(django_user_model.objects.create_user(email="lid@example.org", password="x"))
    logged_in = client.get(alias.url)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/account/login/")
    assert logged_in.status_code == 200
    assert "Verslag over de kwartelkoning." in page_text(logged_in)
