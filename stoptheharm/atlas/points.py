"""A representative point (latitude, longitude) per jurisdiction, from `data/points.csv` (see data/README.md)."""

import csv
from functools import cache
from pathlib import Path

POINTS_FILE = Path(__file__).resolve().parent / "data" / "points.csv"


@cache
def representative_points() -> dict[str, tuple[float, float]]:
    """Jurisdiction code ("MT", "AU-ACT") -> (latitude, longitude), read once per process."""
    with POINTS_FILE.open(encoding="utf-8", newline="") as stream:
        return {row["code"]: (float(row["latitude"]), float(row["longitude"])) for row in csv.DictReader(stream)}


def representative_point(code: str) -> tuple[float, float] | None:
    return representative_points().get(code)
