"""The second lock: Wagtail's view restrictions that keep the library's pages and documents to the members group,
and the headers that keep whatever members see out of every cache.

It imports nothing else of this app: the models keep the restrictions in step through it, and
apothekerskast.access (who is a member) builds on it.
"""

from django.contrib.auth.models import Group
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

MEMBERS_GROUP = "Apothekerskast-leden"
COLLECTION_NAME = "Apothekerskast"


def members_group():
    return Group.objects.get_or_create(name=MEMBERS_GROUP)[0]


def library_collection():
    """The private collection for library documents, restricted to the members group."""
    collection = Collection.objects.filter(name=COLLECTION_NAME, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    restrict(CollectionViewRestriction, collection=collection)
    return collection


def restrict(model, **target):
    restriction = model.objects.filter(restriction_type=model.GROUPS, **target).first()
    if restriction is None:
        model.objects.filter(**target).delete()
        restriction = model.objects.create(restriction_type=model.GROUPS, **target)
    restriction.groups.add(members_group())
    return restriction


def restrict_library_page(page):
    return restrict(PageViewRestriction, page=page)


def is_private_document(document):
    return bool(document.collection.get_view_restrictions())


def protect(response):
    """Headers for anything only members may see: never stored by a browser or a shared cache."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, ["Cookie"])
    return response
