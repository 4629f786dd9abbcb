#!/usr/bin/env python
"""Django's command-line utility for the Stop the Harm platform."""

import os
import sys

from config.env import default_settings_module

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings_module())
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
