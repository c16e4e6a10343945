"""Settings shared by every environment: secure by default, configured from the environment.

`dev.py` relaxes for a local run, `production.py` hardens transport, `test.py` speeds up tests.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from environs import Env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Typed reads of the environment: a value that is not what the setting needs (EMAIL_PORT=abc) stops the start with
# the variable's name. Lists are comma-separated.
env = Env()

DEBUG = env.bool("DEBUG", False)

SECRET_KEY = env.str("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", [], subcast=str.strip)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [], subcast=str.strip)

INSTALLED_APPS = [
    "home",
    "portal",
    "news",
    "strategy",
    "events",
    "editorial",
    "newsletter",
    "apothekerskast",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # allauth's list of security keys (/account/2fa/webauthn/) loads it
    "django.contrib.postgres",  # the trigram lookup of portal.search.closest_words
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",  # the sessions page (/account/sessions/): where one is logged in, logging out elsewhere
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.files.AccelRedirectMiddleware",
    "portal.cache.SharedCacheMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "accounts.middleware.AccountPagesNotStoredMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.middleware.SameOriginCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.middleware.SiteMiddleware",
]

# security.W003 finds CSRF protection only by the dotted path of Django's middleware; SameOriginCsrfMiddleware is a
# subclass of it, and portal.checks.csrf_middleware_check stands in for W003.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

ROOT_URLCONF = "home.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL points elsewhere (PostgreSQL in production and tests).
# Connections are kept and health-checked, so a restarted PostgreSQL is picked up again. Each is kept ten minutes: a
# new one cost a request 10 ms more (a fresh PostgreSQL backend reads its catalogue, and prepares its statements again).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=env.int("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer (a network partition) fails the request after this many seconds, with
    # the 503 page, instead of holding a worker until gunicorn kills it.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int("DATABASE_CONNECT_TIMEOUT", 5)
    # No JIT compilation: it pays off for long analytical queries, not for pages. With 100,000 articles a deep page of
    # the admin's explorer was estimated costly enough to be compiled first, which took 2.8 s of a 3 s query.
    DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off"
    # A statement a connection runs a second time is prepared on the server (server-side binding), so PostgreSQL
    # parses and plans it once per connection instead of on every request: planning took 1.2 ms of the 1.5 ms a news
    # listing spent in PostgreSQL. The search plans each of its statements for the words asked (portal.search).
    # Prepared statements need a direct connection (no transaction-pooling PgBouncer in between).
    DATABASES["default"]["OPTIONS"].update(server_side_binding=True, prepare_threshold=2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "portal.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# One language, so no LocaleMiddleware: pages would vary by the browser's Accept-Language, and the shared cache would
# keep a copy of each page for every variant of that header. The admin speaks each editor's chosen language itself.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
# The site's own Dutch, before the apps' (allauth's informal texts in the formal "u"): locale/nl/LC_MESSAGES/.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Documents and private renditions: sent by Django, or, with this prefix set, by nginx from its internal location of
# that name (X-Accel-Redirect; portal/files.py, deploy/nginx.conf). Wagtail's document view sends through it.
PROTECTED_MEDIA_ACCEL_PREFIX = env.str("PROTECTED_MEDIA_ACCEL_PREFIX", "")
SENDFILE_BACKEND = "portal.files"
# Renditions of public images are the only media the application itself serves (see home/urls.py).
SERVE_IMAGE_RENDITIONS = env.bool("SERVE_IMAGE_RENDITIONS", False)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Django's cache: Redis when REDIS_URL is set (production and make stack: one cache for every instance, see
# portal/redis_cache.py for what happens when it does not answer), else a table in the database (make run).
REDIS_URL = env.str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that does not answer costs a request half a second at most, not a worker.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "portal_cache"}}
# Sessions are kept in the database, read through the cache: a restarted Redis logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# The shared HTTP cache (portal/cache.py, deploy/varnish/): how long it keeps public pages (purged on every change
# anyway), search results, and how long browsers keep them. CACHE_PURGE_URL is where purges go (the Varnish).
SHARED_CACHE_SECONDS = env.int("SHARED_CACHE_SECONDS", 24 * 3600)
SHARED_CACHE_BRIEF_SECONDS = env.int("SHARED_CACHE_BRIEF_SECONDS", 300)
BROWSER_CACHE_SECONDS = env.int("BROWSER_CACHE_SECONDS", 60)
CACHE_PURGE_URL = env.str("CACHE_PURGE_URL", "")
WAGTAILFRONTENDCACHE = (
    {"varnish": {"BACKEND": "portal.cache.XkeyBackend", "LOCATION": CACHE_PURGE_URL}} if CACHE_PURGE_URL else {}
)

EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "noreply@veiligheidscoalitie.nl")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers that hold in every environment; transport security is in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# The public site loads nothing from elsewhere and runs no inline script. The Wagtail admin
# relies on inline scripts and styles, so it is left out of this policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "WARNING")},
}

# Wagtail
WAGTAIL_SITE_NAME = "Veiligheidscoalitie Midden-Nederland"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Workflow notifications (submitted, approved, rejected with the comment) go to editors by e-mail.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Newsletter: how long a sign-up's confirmation link stays valid (double opt-in).
NEWSLETTER_CONFIRM_MAX_AGE = env.int("NEWSLETTER_CONFIRM_MAX_AGE", 3 * 24 * 3600)
# Newsletter: at most this many mails per run of the scheduler (a run a minute).
NEWSLETTER_MAILS_PER_RUN = env.int("NEWSLETTER_MAILS_PER_RUN", 1000)
# The scheduler (run_scheduler) runs the daily jobs (reminders, expiry, purge of the download log) at this hour,
# local time (TIME_ZONE), or as soon as it starts when that run is due and has not happened.
SCHEDULER_DAILY_HOUR = env.int("SCHEDULER_DAILY_HOUR", 3)
WAGTAILIMAGES_IMAGE_MODEL = "portal.CustomImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "zip", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar (a request to another host for every editor shown); initials instead (editorial hooks).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Editors log in (and reset passwords) through allauth, with two-factor authentication and rate limits.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# A user created in the admin chooses a password through the invitation mail (editorial.invitations).
WAGTAILUSERS_PASSWORD_REQUIRED = False
# Dutch stemming for site search on PostgreSQL (ignored by SQLite's full-text search).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "dutch",
    }
}

# Accounts (allauth): e-mail login, verified addresses, two-factor; see accounts/ (who may sign up: the
# apothekerskast's organisations and their domains).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
# After logging in, Mijn account says who is logged in; after logging out, the login page says so. Both are account
# pages, which the shared cache passes with the one-time notice (the `messages` cookie).
LOGIN_REDIRECT_URL = "account_overview"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/account/login/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
# Confirming in the browser that signed up logs in (allauth checks the session); see AccountAdapter.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# A new official's next step: asking for access to the apothekerskast.
ACCOUNT_SIGNUP_REDIRECT_URL = "apothekerskast_request_access"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Veiligheidscoalitie] "
# How many proxies of ours append to X-Forwarded-For before the application (production: nginx, then Varnish; make
# stack: Varnish). allauth counts each client by the address the first of them saw; 0 counts by the connection's
# address, which behind proxies is theirs, and would put every visitor in one count.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 0)
# Counted in the cache above (Redis, or the database table), so every worker of every instance sees the same attempts.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "manage_email": "10/m/user",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
    # The public sign-up forms (portal.ratelimits), per client and per address (for an event: per event and address).
    "newsletter_signup": "10/10m/ip,3/h/key",
    "event_registration": "10/10m/ip,3/h/key",
    # "Mijn organisatie staat er niet bij" (apothekerskast.views.request_organisation), per client and per address.
    "organisation_request": "10/10m/ip,3/h/key",
}
# Security keys and passkeys (WebAuthn) as a second factor; allauth's scripts for them are static files, so the
# Content-Security-Policy needs no exception. Browsers allow WebAuthn on HTTPS and on http://localhost only.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Veiligheidscoalitie Midden-Nederland"

# The apothekerskast: members-only pages and documents, no shared passwords, checked uploads.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_DOCUMENT_FORM_BASE = "apothekerskast.forms.DocumentForm"
APOTHEKERSKAST_ACCESS_MONTHS = env.int("APOTHEKERSKAST_ACCESS_MONTHS", 12)
APOTHEKERSKAST_REMINDER_DAYS = 30
APOTHEKERSKAST_DOWNLOAD_RETENTION_DAYS = env.int("APOTHEKERSKAST_DOWNLOAD_RETENTION_DAYS", 548)
