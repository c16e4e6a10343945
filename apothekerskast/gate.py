"""The apothekerskast's one gate: where a request for a library page or a private document is stopped.

Who may pass is decided in apothekerskast/access.py (membership_state); this module decides where that question is
asked, and asks it at most once per request (`membership`). Next to it stand Wagtail's own view restrictions (the
library page and the collection 'Apothekerskast' are restricted to the members group): a second lock, and what keeps
library pages out of every listing of public pages.

Every door, and where it is closed:

- Library pages, /apothekerskast/ and below, existing or guessed: the library's index routes every address below it
  to itself for a non-member (`route_library`, the route_library hook ApothekerskastIndexPage.route asks), and
  `page_door` (the before_serve_page hook, before Wagtail's own check of the page's restrictions) answers with the
  one denial (apothekerskast.denial), so a guessed address gets the same answer as a real one. Members get the page;
  LibraryPage.serve marks it never to be stored. The admin's preview, draft and revision views of a library page ask
  the before_serve_page hooks too (LibraryPage.serve_preview): a library manager who is not a member gets the same
  403 as on the site.
- Pages elsewhere restricted to the members group: `page_door` too. The group opens nothing by itself (an expired
  member may still be in it): the gate asks for current membership.
- Documents, /documenten/<id>/<file name>: one URL, ours, under the name of Wagtail's (`wagtaildocs_serve`, so
  `Document.url` points here; Wagtail's own document URLs are not routed, and its password form is never offered).
  apothekerskast.views.serve_document asks `document_door`: a public document is served as Wagtail serves it; a
  private one, an unknown id or a wrong file name gives a non-member the one denial, and a member the file as an
  attachment no cache keeps (or a 404). Wagtail's serve view, which builds the response, adds Wagtail's own check
  of the collection's restrictions. The download is recorded by the view, after the gate.
- Renditions of images in a private collection, /afbeeldingen/<id>/<file name> (portal.views.private_rendition):
  Wagtail's restrictions of the collection, and `image_door` (the before_serve_private_rendition hook) for a
  collection restricted to the members group. Refused: the same 404 as for a rendition that does not exist.
- The media folder: documents and private renditions are never served from it (deploy/nginx.conf, and
  SERVE_IMAGE_RENDITIONS serves only media/images/).
- Search results, feeds, the sitemap, menus and listings: they list only pages no view restriction hides
  (portal.visibility.visible_to_everyone, like Wagtail's `.public()`), and the library is always restricted
  (ApothekerskastIndexPage.save puts its restriction back on every save and publish).
- Theme pages: a toolkit's title only for members (strategy.models.ThemePage asks access.can_view_library); news
  articles name the toolkits they announce, never a document (apothekerskast_tags.toolkit_teasers).
- The admin: the page chooser hides toolkits from everyone but library managers, bulk actions find only what the
  user may work on (apothekerskast.wagtail_hooks), and page and collection permissions keep other editors out of
  the library's pages and documents (editorial.roles).
"""

from django.http import Http404
from wagtail.models import BaseViewRestriction
from wagtail.url_routing import RouteResult

from apothekerskast import access
from apothekerskast.denial import deny


def membership(request):
    """The membership state of the request's user (access.membership_state), read once per request."""
    try:
        return request.library_membership
    except AttributeError:
        request.library_membership = access.membership_state(request.user)
        return request.library_membership


def route_library(index, request, path_components):
    """Where the library's index routes a non-member's request for an address below it: to itself, which the page
    door refuses. None: route as usual."""
    if path_components and membership(request) != access.MEMBER:
        return RouteResult(index)
    return None


def page_door(page, request, serve_args, serve_kwargs):
    """The before_serve_page hook: a page the members group opens is for current members only."""
    if access.opens_to_members(page):
        state = membership(request)
        if state != access.MEMBER:
            return deny(request, state)
    return None


def document_door(request, document):
    """Whether `request` may have `document` (None: the id or file name is wrong): (refusal, private).

    The refusal is a response to return instead of the file; `private` says whether the file is for members only.
    A non-member cannot tell an unknown document from a private one; a member gets a 404 for an unknown one.
    Wagtail's own restrictions of the collection are applied by Wagtail's serve view, which builds the response.
    """
    private = document is None or access.is_private_document(document)
    if not private:
        return None, False
    state = membership(request)
    if state != access.MEMBER:
        return deny(request, state), True
    if document is None:
        raise Http404("Dit document bestaat niet.")
    return None, True


def image_door(request, restrictions):
    """The before_serve_private_rendition hook: whether a rendition of an image in a collection with these view
    restrictions may be served; one restricted to the members group only to current members."""
    opens_to_members = any(
        restriction.restriction_type == BaseViewRestriction.GROUPS
        and any(group.name == access.MEMBERS_GROUP for group in restriction.groups.all())
        for restriction in restrictions
    )
    return not opens_to_members or membership(request) == access.MEMBER
