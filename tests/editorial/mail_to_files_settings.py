"""The test settings with mail written to files in $TEST_EMAIL_DIR: for schedulers run as processes of their own,
whose mails the test then reads (Django's in-memory outbox lives in one process only)."""

import os

from portal.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["TEST_EMAIL_DIR"]
