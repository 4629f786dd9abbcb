from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Staff and, later, organisers. Custom from day one so that fields can be added without a rewrite."""

    class Meta:
        db_table = "users_user"
