"""Photos stored before 0002 are in MEDIA_ROOT/localactions/, which the web server serves: move them out (decision 0017)."""

from django.conf import settings
from django.db import migrations

from stoptheharm.core.private_photos import move_photo_folder


def move_out_of_media(apps, schema_editor):
    move_photo_folder("localactions", source=settings.MEDIA_ROOT, destination=settings.PRIVATE_ROOT)


def move_back_to_media(apps, schema_editor):
    move_photo_folder("localactions", source=settings.PRIVATE_ROOT, destination=settings.MEDIA_ROOT)


class Migration(migrations.Migration):
    dependencies = [("localactions", "0002_private_photo_storage")]

    operations = [migrations.RunPython(move_out_of_media, move_back_to_media)]
