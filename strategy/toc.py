"""The in-page table of contents of a strategy chapter, built from its h2 and h3 headings."""

from dataclasses import dataclass, field

from portal.blocks import heading_anchor


@dataclass
class TocEntry:
    text: str
    anchor: str
    level: str = "h2"
    children: list = field(default_factory=list)


def heading(text, anchor=None, level="h2"):
    """An entry for a heading (the anchor defaults to the one HeadingBlock writes for its text)."""
    return TocEntry(text=text, anchor=anchor or heading_anchor(text), level=level)


def stream_headings(stream):
    """An entry for every heading block in a StreamField value; each anchor is the one HeadingBlock writes."""
    return [
        heading(child.value["text"], level=child.value["level"]) for child in stream if child.block_type == "heading"
    ]


def nest(entries):
    """h3 entries under the h2 before them; an h3 before the first h2 stays at the top."""
    tree = []
    for entry in entries:
        entry.children = []
        if entry.level == "h3" and tree and tree[-1].level == "h2":
            tree[-1].children.append(entry)
        else:
            tree.append(entry)
    return tree


def duplicate_anchors(entries):
    """The anchors that occur more than once (each needs to be unique on its page)."""
    seen, duplicates = set(), []
    for entry in entries:
        if entry.anchor in seen and entry.anchor not in duplicates:
            duplicates.append(entry.anchor)
        seen.add(entry.anchor)
    return duplicates
