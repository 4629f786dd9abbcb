from datetime import UTC, datetime

from stoptheharm.campaigns.actions import Action, ActionKind, by_importance_then_closing


def test_actions_sort_by_importance_then_soonest_closing_then_never_closing():
    actions = [
        Action(ActionKind.SIGN, "Closes late", "/a/", closes_at=datetime(2027, 3, 1, tzinfo=UTC)),
        Action(ActionKind.ATTEND, "Never closes", "/b/"),
        Action(ActionKind.ENDORSE, "Closes soon", "/c/", closes_at=datetime(2027, 1, 1, tzinfo=UTC)),
        Action(ActionKind.ORGANISE, "Staff's priority", "/d/", importance=5),
        Action(ActionKind.SIGN, "Most important", "/e/", importance=9, closes_at=datetime(2027, 6, 1, tzinfo=UTC)),
    ]

    titles = [action.title for action in sorted(actions, key=by_importance_then_closing)]

    assert titles == ["Most important", "Staff's priority", "Closes soon", "Closes late", "Never closes"]
