import pytest
from wagtail.models import Page

from editorial.roles import WORKFLOW_NAME
from tests.builders import load_demo_content

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo(db):
    return load_demo_content()


def test_the_demo_sections_carry_the_workflow_and_loading_again_changes_nothing():
    from wagtail.models import WorkflowPage

    sections = {page.specific_class.__name__ for page in Page.objects.filter(workflowpage__isnull=False, depth=3)}
    assert {"NewsIndexPage", "EventIndexPage"} <= sections
    for page in Page.objects.filter(depth=3, workflowpage__isnull=False):
        assert page.get_workflow().name == WORKFLOW_NAME
    before = list(WorkflowPage.objects.values_list("page_id", "workflow_id").order_by("page_id"))
    load_demo_content()
    assert list(WorkflowPage.objects.values_list("page_id", "workflow_id").order_by("page_id")) == before
