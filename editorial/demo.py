"""Demo set-up of the editorial workflow: the sections whose pages go through "Redactie → Eindredactie"."""

from django.apps import apps
from wagtail.models import Page, Workflow, WorkflowPage

from editorial.roles import WORKFLOW_NAME

# The section pages (children of the home page) that carry the workflow explicitly; absent apps are skipped.
SECTION_MODELS = (
    "news.NewsIndexPage",
    "events.EventIndexPage",
    "newsletter.NewsletterIndexPage",
    "strategy.StrategyPage",
)


def section_models():
    for label in SECTION_MODELS:
        try:
            yield apps.get_model(label)
        except LookupError:
            continue


def assign_workflow(home):
    """Put the workflow on every section page under home (idempotent); returns the pages it applies to."""
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    sections = []
    for model in section_models():
        for page in model.objects.child_of(home):
            WorkflowPage.objects.update_or_create(page=Page.objects.get(pk=page.pk), defaults={"workflow": workflow})
            sections.append(page)
    return sections
