"""The retention steps of every app, run together by `manage.py apply_retention`.

The command lives with the petitions, whose steps it runs itself; an app that petitions may not
import (statements) registers its step here when Django starts (its AppConfig.ready).
"""

from collections.abc import Callable

RetentionStep = Callable[[], str]  # applies one app's periods; returns a line for the command's output
RETENTION_STEPS: list[RetentionStep] = []


def register_retention_step(step: RetentionStep) -> RetentionStep:
    if step not in RETENTION_STEPS:
        RETENTION_STEPS.append(step)
    return step


def apply_registered_retention() -> list[str]:
    """Run every registered step, in the order of INSTALLED_APPS; returns their reports."""
    return [step() for step in RETENTION_STEPS]
