"""The embedded mode of `make run`: debug pages on, everything on this machine.

Tasks go to the database queue, worked by the `db_worker` that `make run` starts beside the server,
so that the embedded mode sends e-mails the way production does.
"""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")

from config.settings.base import *  # noqa: F403
