from typing import Any

from django.urls import path
from wagtail import hooks

from stoptheharm.core import views


@hooks.register("register_admin_urls")
def register_staff_photo_url() -> list[Any]:
    """Under /admin/: Wagtail sends visitors without an admin login to it before the view checks the permission."""
    return [path("photos/<path:name>", views.staff_photo, name="staff-photo")]
