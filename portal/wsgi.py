import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# The 200,000 objects Django and Wagtail make at start-up live as long as the process: out of the garbage collector's
# sight, its full collections take a few milliseconds instead of over 100 (one request in a few hundred waited for one).
gc.freeze()
