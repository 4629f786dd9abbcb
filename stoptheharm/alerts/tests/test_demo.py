import pytest

from stoptheharm.alerts.demo import DEMO_ALERTS, DEMO_SERVICE, load_alerts_demo
from stoptheharm.alerts.models import Alert


@pytest.mark.django_db
def test_the_demo_publishes_its_alerts_once_from_a_service_marked_as_demo(client):
    load_alerts_demo()
    load_alerts_demo()
    alerts = Alert.objects.published()
    assert alerts.count() == len(DEMO_ALERTS)
    assert {alert.service.name for alert in alerts} == {DEMO_SERVICE} and "(demo)" in DEMO_SERVICE
    assert all("(demo)" in alert.sold_as for alert in alerts)
    assert "Heroin, brown powder (demo)" in client.get("/en/alerts/").content.decode()
