"""core.inserts.insert_row, tried on the model it was written for: signatures."""

import pytest
from django.db import IntegrityError, models, transaction
from django.db.models.signals import post_save, pre_save
from django.forms.models import model_to_dict
from wagtail.models import TranslatableMixin

from stoptheharm.core.inserts import insert_row
from stoptheharm.petitions.models import Signature

pytestmark = pytest.mark.django_db


def new_signature(petition, email: str) -> Signature:
    return Signature(
        petition=petition,
        name='Amina <b>"K"</b>',
        email=email,
        country="PT",
        language="pt",
        is_public=True,
        consents={"processing": {"text": "Sim, concordo", "version": "2026-05"}},
        secret="s" * 43,
        email_due="confirm",
    )


def test_a_row_inserted_reads_back_as_one_saved_by_the_orm(petition):
    inserted, saved = new_signature(petition, "a@example.org"), new_signature(petition, "b@example.org")

    insert_row(inserted)
    saved.save()

    assert inserted.pk and not inserted._state.adding
    stored_inserted, stored_saved = Signature.objects.get(pk=inserted.pk), Signature.objects.get(pk=saved.pk)
    assert stored_inserted.created_at is not None  # auto_now_add, converted by the field itself
    differing = {"id", "email", "created_at"}
    assert model_to_dict(stored_inserted, exclude=differing) == model_to_dict(stored_saved, exclude=differing)
    assert stored_inserted.consents == {"processing": {"text": "Sim, concordo", "version": "2026-05"}}


def test_a_broken_constraint_raises_integrity_error_as_save_does(petition):
    insert_row(new_signature(petition, "a@example.org"))

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_row(new_signature(petition, "a@example.org"))
    assert Signature.objects.count() == 1


def test_models_it_cannot_insert_faithfully_are_refused():
    class WithDatabaseDefault(models.Model):
        note = models.CharField(max_length=10, db_default="x")

        class Meta:
            app_label = "core"

        def __str__(self) -> str:
            return self.note

    with pytest.raises(TypeError, match="database defaults"):
        insert_row(WithDatabaseDefault())


def test_no_receiver_would_act_on_a_new_signature_so_inserting_without_signals_loses_nothing():
    """services.sign_petition inserts signatures with insert_row, which sends no pre_save or post_save."""
    receivers = {
        receiver.__qualname__
        for signal in (pre_save, post_save)
        for receivers in signal._live_receivers(Signature)  # (sync, async)
        for receiver in receivers
    }
    assert receivers <= {"set_locale_on_new_instance"}  # Wagtail's, for translatable models only
    assert not issubclass(Signature, TranslatableMixin)
