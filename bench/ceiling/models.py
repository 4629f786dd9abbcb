from django.db import models


class CeilingRow(models.Model):
    """The least a signature can cost: one row, unique per (petition, e-mail)."""

    petition_id = models.BigIntegerField()
    email = models.CharField(max_length=254)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["petition_id", "email"], name="ceiling_one_per_address")]

    def __str__(self) -> str:
        return self.email
