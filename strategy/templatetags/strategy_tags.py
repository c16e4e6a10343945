from django import template

register = template.Library()


@register.filter
def dutch_number(value):
    """A whole number with a dot between the thousands, as written in Dutch: 5030 becomes "5.030"."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", ".")
