"""HomePage moved from portal to home: a site built before the move keeps its home page, which serves as before."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from home.models import HomePage
from tests.builders import make_article, make_site

BEFORE_THE_MOVE = [("portal", "0010_explorer_ordering_index"), ("home", None)]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def homepage_content_types():
    return list(ContentType.objects.filter(model="homepage").values_list("app_label", "pk"))


@pytest.mark.own_database
@pytest.mark.django_db(transaction=True)
def test_a_home_page_from_before_the_move_serves_after_it(client):
    site = make_site()
    make_article(site.news_index, title="Forse daling aantal overvallen met geweld")
    content_type = site.home.content_type_id
    migrate(BEFORE_THE_MOVE)  # the database as it was before the move: its table and content type in portal
    try:
        assert homepage_content_types() == [("portal", content_type)]
        assert "portal_homepage" in connection.introspection.table_names()
    finally:
        migrate()

    assert homepage_content_types() == [("home", content_type)]
    home = HomePage.objects.get()
    assert (home.pk, home.title) == (site.home.pk, "Veiligheidscoalitie")
    response = client.get("/")
    assert response.status_code == 200
    assert "Forse daling aantal overvallen met geweld" in response.content.decode()
