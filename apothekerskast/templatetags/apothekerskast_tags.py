from django import template

from apothekerskast.models import ToolkitPage

register = template.Library()


@register.inclusion_tag("apothekerskast/components/toolkit_teasers.html", takes_context=True)
def toolkit_teasers(context, article):
    """The toolkits a public news article announces: their titles and a way in, never their documents."""
    toolkits = ToolkitPage.objects.live().filter(announcements__article=article).distinct().order_by("title")
    return {"toolkits": toolkits, "request": context.get("request")}
