from typing import Any

PUBLIC_PREFIX = "/api/v1/"


def only_public_endpoints(endpoints: list[tuple[str, ...]], **kwargs: Any) -> list[tuple[str, ...]]:
    """Keep the schema to the public API: Wagtail's admin endpoints are internal and undocumented."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_PREFIX)]
