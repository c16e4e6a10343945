"""Demo agenda: the two events the seed announces, with only the facts it gives (see events.yaml)."""

from pathlib import Path

from events.models import EventIndexPage, EventPage
from portal.demo import read_yaml, upsert_page

FIELDS = ("start_date", "day_part", "save_the_date", "organiser", "audience", "summary")


def load_events(home):
    data = read_yaml(Path(__file__).resolve().parent / "events.yaml")
    index = upsert_page(
        home, EventIndexPage, data["index"]["slug"], title=data["index"]["title"],
        summary=data["index"]["summary"], show_in_menus=True,
    )  # fmt: skip
    for item in data["events"]:
        upsert_page(index, EventPage, item["slug"], title=item["title"], **{name: item[name] for name in FIELDS})
    return index
