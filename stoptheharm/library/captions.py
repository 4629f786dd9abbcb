"""Library migration 0001 names the captions validator by this path; it lives in core, shared with the courses."""

from stoptheharm.core.captions import validate_webvtt

__all__ = ["validate_webvtt"]
