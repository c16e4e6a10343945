from django import template
from django.utils import timezone

from portal.templatetags.portal_tags import short_date

register = template.Library()


@register.filter
def moment(value):
    """A date and time in the site's time zone as "20 dec. 2023 om 10:00"; empty for none."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{short_date(local)} om {local:%H:%M}"
