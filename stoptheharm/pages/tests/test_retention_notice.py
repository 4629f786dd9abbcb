"""The privacy notice's retention table is read from the code that applies the periods."""

from stoptheharm.pages.blocks import RetentionPeriodsBlock


def test_the_notice_states_the_local_action_periods_from_the_settings(settings):
    settings.LOCAL_ACTION_CONTACTS_ERASE_AFTER_DAYS = 45

    html = RetentionPeriodsBlock().render(None)

    assert "Local actions on a day of action: lawful basis and how long we keep what" in html
    assert "A local action never confirmed by its organiser" in html
    assert "erased 45 days after the day of action; the approved action stays on the public page" in html


def test_the_notice_states_the_early_warning_subscription_periods():
    html = RetentionPeriodsBlock().render(None)

    assert "Early warnings by e-mail: lawful basis and how long we keep what" in html
    assert "A subscription to early warnings never confirmed" in html
    assert "deleted after 7 days" in html
    assert "until you unsubscribe, with the link in every e-mail; then deleted at once" in html


def test_the_notice_states_the_course_progress_periods_from_the_code():
    from stoptheharm.courses.retention import UNCONFIRMED_DAYS, UNUSED_MONTHS

    html = RetentionPeriodsBlock().render(None)

    assert "Saving course progress by e-mail: lawful basis and how long we keep what" in html
    assert "A request to keep course progress never confirmed" in html
    assert f"deleted after {UNCONFIRMED_DAYS} days" in html
    assert f"deleted {UNUSED_MONTHS} months after the private link was last used" in html
