from apothekerskast import access
from apothekerskast.denial import deny


class ApothekerskastMiddleware:
    """Everything under /apothekerskast/ (existing or not) answers non-members with the same denial, so not even a
    guessed toolkit address reveals whether it exists. (The second factor members need is required site-wide by
    accounts.middleware.SecondFactorRequiredMiddleware, which runs first.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(access.LIBRARY_PATH):
            state = access.membership_state(request.user)
            if state != access.MEMBER:
                return deny(request, state)
        return self.get_response(request)
