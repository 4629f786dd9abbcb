import pytest


@pytest.fixture(autouse=True)
def upload_roots(settings, tmp_path):
    """Photos go to a directory of the test's own (MEDIA_ROOT too, to show they are not there)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"
