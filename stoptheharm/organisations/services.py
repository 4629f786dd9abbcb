"""Writes to the directory of organisations."""

from typing import Any

from stoptheharm.organisations.models import Organisation


def create_organisation(*, name: str, kind: str, **fields: Any) -> Organisation:
    """Validate and store a new organisation; `fields` are any other of the model's fields."""
    organisation = Organisation(name=name, kind=kind, **fields)
    organisation.full_clean()
    organisation.save()
    return organisation
