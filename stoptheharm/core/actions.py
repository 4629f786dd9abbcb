"""What every kind of action (petition, statement, event, day of action) shares in its queries.

Each kind's page has `opens_at` and `closes_at` (empty: no limit) and a `campaign` foreign key to a
campaign page; these conditions let each app's selector say "open now" and "of this campaign" alike.
"""

from datetime import datetime

from django.conf import settings
from django.db.models import Q
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page


def open_at(moment: datetime) -> Q:
    """Opened (or opening on publication) and not yet closed at that moment."""
    return (Q(opens_at__isnull=True) | Q(opens_at__lte=moment)) & (Q(closes_at__isnull=True) | Q(closes_at__gt=moment))


def in_default_language() -> Q:
    """The originals, which every translation's signatures belong to; a join, not a query for the locale."""
    return Q(locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))


def of_campaign(campaign_id: int) -> Q:
    """Pointing to that campaign page or to any of its translations (matched by translation key)."""
    return Q(campaign__translation_key__in=Page.objects.filter(pk=campaign_id).values("translation_key"))
