"""The demo site around the news: home page, service pages and the footer's contact details from the site setting."""

import pytest
from django.test import TestCase, override_settings
from wagtail.models import Site

from portal.models import ContactSettings
from tests.builders import load_demo_content
from tests.markup import listed_titles, main_menu, sitemap_content


def footer(response):
    content = response.content.decode()
    return content[content.index('<footer class="site-footer">') :]


class DemoSiteTests(TestCase):
    """`load_demo_content` runs once for the class; each test sees it afresh inside its own transaction."""

    @classmethod
    def setUpTestData(cls):
        load_demo_content()

    def test_footer_shows_the_contact_details_on_every_kind_of_page(self):
        for url in ["/", "/nieuws/", "/nieuws/categorie/tips/", "/over-ons/", "/zoeken/?q=overval", "/bestaat-niet/"]:
            with self.subTest(url=url):
                shown = footer(self.client.get(url))
                assert "<p>Bureau Regionale Veiligheidsstrategie Midden-Nederland</p>" in shown
                assert 'Telefoon: <a href="tel:0614873690">06-14 87 36 90</a>' in shown
                assert '<a href="mailto:secretariaat@rvs-mn.nl">secretariaat@rvs-mn.nl</a>' in shown
                assert '<a href="https://www.veiligheidscoalitie.nl">www.veiligheidscoalitie.nl</a>' in shown

    def test_the_contact_address_is_published_without_the_pdfs_typo(self):
        """The strategy PDF prints "sectretariaat@"; the footer, /contact/ and security.txt give the real address."""
        for url in ["/", "/contact/", "/.well-known/security.txt", "/veiligheidsstrategie/bijlagen/"]:
            with self.subTest(url=url):
                text = self.client.get(url).content.decode()
                assert "secretariaat@rvs-mn.nl" in text
                assert "sectretariaat" not in text

    def test_footer_follows_the_site_setting(self):
        contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
        contact.organisation = "Secretariaat Veiligheidscoalitie"
        contact.phone = "+31 30 123 45 67"
        contact.email = ""
        contact.save()

        shown = footer(self.client.get("/"))

        assert "<p>Secretariaat Veiligheidscoalitie</p>" in shown
        assert '<a href="tel:+31301234567">+31 30 123 45 67</a>' in shown
        assert "Bureau Regionale Veiligheidsstrategie" not in shown
        assert "06-14 87 36 90" not in shown
        assert "mailto:" not in shown

    def test_home_page_has_the_menu_sections_and_the_four_latest_seed_articles(self):
        response = self.client.get("/")

        assert response.status_code == 200
        assert "<h1>Samen slagvaardig voor een veilig Midden-Nederland</h1>" in response.content.decode()
        menu = [(title, href) for title, href, _ in main_menu(response)]
        assert ("Over ons", "/over-ons/") in menu
        assert ("Contact", "/contact/") in menu
        assert ("Nieuws", "/nieuws/") in menu
        assert not {"Toegankelijkheid", "Privacy"} & {title for title, _ in menu}
        assert listed_titles(response, within="section.latest-news") == [
            "Geregistreerde criminaliteit stijgt met 2% in de eerste elf maanden",
            "E-learning BUIT voor professionals: bewustwording en signalering mensenhandel",
            "Doet jouw gemeente al mee aan de VNG competitie Gemeentedelers 2024?",
            "Werf jij al Burgernetdeelnemers? Volg het voorbeeld van (o.a.) Utrecht",
        ]
        shown = footer(response)
        assert '<a href="/toegankelijkheid/">Toegankelijkheid</a>' in shown
        assert '<a href="/privacy/">Privacy</a>' in shown

    def test_service_pages_render_their_body(self):
        for url, heading in [
            ("/over-ons/", '<h2 id="samenwerking-noodzakelijk">Samenwerking noodzakelijk</h2>'),
            ("/contact/", "<h1>Contact</h1>"),
            ("/toegankelijkheid/", "<h1>Toegankelijkheid</h1>"),
            ("/privacy/", "<h1>Privacy</h1>"),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                assert response.status_code == 200
                assert heading in response.content.decode()
                assert '<div class="rich-text">' in response.content.decode()


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="https://veiligheidscoalitie.example")
def test_feed_and_sitemap_links_use_the_configured_address(client):
    load_demo_content()

    feed = client.get("/nieuws/feed/").content.decode()
    sitemap = sitemap_content(client)

    assert "<link>https://veiligheidscoalitie.example/nieuws/geregistreerde-criminaliteit" in feed
    assert "<loc>https://veiligheidscoalitie.example/nieuws/</loc>" in sitemap
    assert "localhost" not in feed + sitemap
