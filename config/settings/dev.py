"""The embedded mode of `make run`: debug pages on, everything on this machine."""

import os

os.environ.setdefault("DEBUG", "1")

from config.settings.base import *  # noqa: F403
