"""The WSGI application, ``fairmatch.wsgi:application`` (served by gunicorn: ``gunicorn_conf``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fairmatch.settings")
application = get_wsgi_application()

from fairmatch.core.checks import refuse_unsafe_configuration  # noqa: E402  (needs set-up apps)

refuse_unsafe_configuration()
