"""URL converters shared by the apps' URL maps."""


class DatabaseIdConverter:
    """A primary key: at most 18 digits, so that a longer number is a 404 rather than an overflow in the database.

    Registered as `id` for every URL map (`CoreConfig.ready`). `<int:...>` accepts any length, and
    SQLite raises OverflowError (PostgreSQL a DataError) past 2**63 - 1.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
