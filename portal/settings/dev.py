"""Local run (`make run`): plain HTTP on 127.0.0.1, SQLite by default, mail to the console.

DEBUG stays off unless set, so the local site shows the same pages and errors as production.
"""

import os
import secrets
from pathlib import Path

_key_file = Path(__file__).resolve().parent.parent.parent / "var" / "secret_key"
if not os.environ.get("SECRET_KEY"):
    # A key of this checkout's own, kept under var/ so sessions survive a restart.
    _key_file.parent.mkdir(exist_ok=True)
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(50))
    os.environ["SECRET_KEY"] = _key_file.read_text().strip()
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SERVE_IMAGE_RENDITIONS", "true")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from .base import *  # noqa: E402,F403
