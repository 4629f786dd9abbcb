"""The default-language original of a translated page, which keeps what every translation gathers."""

from functools import cached_property

from wagtail.models import Locale


class DefaultLanguageOriginal:
    """For a page type whose translations share one set of records (signatures, endorsements, registrations ...).

    Those records belong to the page in the site's default language; `canonical` finds it (itself when
    it is that page, or when it has no original in the default language).
    """

    @cached_property
    def canonical(self):
        default_locale = Locale.get_default()
        if self.locale_id == default_locale.pk:
            return self
        original = type(self).objects.filter(translation_key=self.translation_key, locale=default_locale).first()
        return original or self
