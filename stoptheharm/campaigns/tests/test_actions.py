from datetime import UTC, datetime

import pytest
from wagtail import hooks

from stoptheharm.campaigns.actions import OPEN_ACTIONS_HOOK, Action, ActionKind, open_actions


@pytest.fixture
def registered_actions():
    """Registers a provider of fixed actions for one test, then removes it."""
    actions = [
        Action(ActionKind.SIGN, "Closes late", "/a/", closes_at=datetime(2027, 3, 1, tzinfo=UTC)),
        Action(ActionKind.ATTEND, "Never closes", "/b/"),
        Action(ActionKind.ENDORSE, "Closes soon", "/c/", closes_at=datetime(2027, 1, 1, tzinfo=UTC)),
        Action(ActionKind.ORGANISE, "Staff's priority", "/d/", importance=5),
        Action(ActionKind.SIGN, "Other campaign", "/e/", campaign_id=7, importance=9),
    ]

    def provider(campaign_id):
        return [action for action in actions if campaign_id in (None, action.campaign_id)]

    with hooks.register_temporarily(OPEN_ACTIONS_HOOK, provider):
        yield actions


def test_open_actions_come_by_importance_then_soonest_closing_then_never_closing(registered_actions):
    titles = [action.title for action in open_actions()]

    assert titles == ["Other campaign", "Staff's priority", "Closes soon", "Closes late", "Never closes"]


def test_open_actions_of_one_campaign_are_asked_of_each_provider(registered_actions):
    assert [action.title for action in open_actions(campaign_id=7)] == ["Other campaign"]
