"""Building blocks of the idempotent demo loader (`manage.py load_demo_content`, in the home app).

Each app keeps its demo data as YAML beside a `load_*` function; running them twice gives the same site.
"""

import yaml
from wagtail.fields import StreamField


def read_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def stream_data(blocks):
    """YAML body items ({"heading": "…"} or {"paragraph": "…"}) as StreamField data."""
    data = []
    for item in blocks:
        ((block_type, value),) = item.items()
        if block_type == "heading":
            data.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        elif block_type == "paragraph":
            data.append({"type": "paragraph", "value": value if value.startswith("<") else f"<p>{value}</p>"})
        else:
            raise ValueError(f"Unknown demo block type: {block_type}")
    return data


def _unchanged(page, name, value):
    """Whether the page already holds this value (StreamFields compared block by block, ids aside)."""
    current = getattr(page, name)
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        blocks = [(child.block_type, child.block.get_prep_value(child.value)) for child in current]
        return blocks == [
            (child.block_type, child.block.get_prep_value(child.value)) for child in field.to_python(value)
        ]
    return current == value


def upsert_page(parent, model, slug, **fields):
    """Create the page under parent, or update it when its fields differ; publish either way."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    elif all(_unchanged(page, name, value) for name, value in fields.items()):
        return page
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page
