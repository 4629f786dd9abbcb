from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="CeilingRow",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("petition_id", models.BigIntegerField()),
                ("email", models.CharField(max_length=254)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("petition_id", "email"), name="ceiling_one_per_address")
                ]
            },
        ),
    ]
