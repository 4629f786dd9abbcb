"""Inserting a new row with its SQL built once per model: for the platform's hottest write (signing).

`Model.save()` has Django's compiler build the INSERT afresh on every call; for a signature's
twenty columns that took a third of the signing path's processor time in the surge benchmark. Here
the statement is built once per model and database vendor, and each field still converts its own
value (`pre_save`, `get_db_prep_save`) exactly as `save()` has it do.
"""

from functools import cache

from django.db import NotSupportedError, connections, models, router
from django.db.models.fields import Field


@cache
def _insert_statement(model: type[models.Model], alias: str) -> tuple[str, tuple[Field, ...]]:
    connection = connections[alias]
    meta = model._meta
    fields = tuple(field for field in meta.concrete_fields if not field.primary_key)
    if any(field.generated or field.has_db_default() for field in fields) or meta.parents:
        raise TypeError(f"{meta.label}: insert_row() knows no generated fields, database defaults or parents.")
    if not connection.features.can_return_columns_from_insert:
        raise NotSupportedError(f"{connection.vendor} cannot return the new row's key from its INSERT.")
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    returning, _ = connection.ops.returning_columns([meta.pk])
    table = connection.ops.quote_name(meta.db_table)
    statement = f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) {returning}"  # noqa: S608 names from _meta
    return statement, fields


def insert_row(instance: models.Model) -> None:
    """Insert a new instance as `instance.save()` would, setting its primary key.

    A broken constraint raises IntegrityError, as `save()` does. Unlike `save()`, it sends no
    `pre_save` or `post_save` signal: use it only for a model nothing listens to (its caller's tests
    say so).
    """
    model = type(instance)
    alias = router.db_for_write(model, instance=instance)
    connection = connections[alias]
    statement, fields = _insert_statement(model, alias)
    values = [field.get_db_prep_save(field.pre_save(instance, add=True), connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(statement, values)
        (instance.pk,) = cursor.fetchone()
    instance._state.adding = False
    instance._state.db = alias
