from django.db import migrations

from stoptheharm.core.text import fold_text
from stoptheharm.organisations.names import normalise_organisation_name


def fill_names(apps, schema_editor):
    """The historical model has no custom save(), so the derived columns are computed here."""
    organisation_model = apps.get_model("organisations", "Organisation")
    organisations = list(organisation_model.objects.all())
    for organisation in organisations:
        organisation.normalised_name = normalise_organisation_name(organisation.name)
        organisation.search_name = fold_text(f"{organisation.name} {organisation.short_name}")
    organisation_model.objects.bulk_update(organisations, ["normalised_name", "search_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_add_normalised_and_search_names"),
    ]

    operations = [
        migrations.RunPython(fill_names, migrations.RunPython.noop),
    ]
