from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stoptheharm.alerts.tests.factories import add_alert
from stoptheharm.organisations.tests.factories import add_organisation

LIST_URL = "/en/alerts/"


@pytest.fixture
def alerts(db):
    service = add_organisation("Checkpoint Lyon", kind="service_provider")
    today = timezone.localdate()
    return {
        "lyon": add_alert(service=service),
        "lisbon": add_alert(
            service=service,
            sold_as="Ketamine powder",
            findings=[("PCP", "")],
            country="PT",
            place="Lisboa",
            severity="warning",
            sampled_on=today - timedelta(days=40),
        ),
        "toronto": add_alert(
            service=service,
            sold_as="Heroin",
            findings=[("Nitazene", "traces")],
            country="CA",
            severity="danger",
            sampled_on=today - timedelta(days=400),
        ),
        "hidden": add_alert(service=service, published=False, sold_as="Unreviewed pill", country="FR"),
        "hostile": add_alert(service=service, sold_as='<img src=x onerror="alert(1)">', country="DE"),
    }


def listed(client, query: str = "") -> str:
    return client.get(f"{LIST_URL}?{query}").content.decode()


@pytest.mark.django_db
def test_the_list_shows_published_alerts_only_and_reading_it_sets_no_cookie(client, alerts):
    response = client.get(LIST_URL)
    html = response.content.decode()
    assert response.status_code == 200 and not response.cookies
    assert "Ecstasy pill, blue, &#x27;Tesla&#x27; logo" in html and "Ketamine powder" in html
    assert "Unreviewed pill" not in html
    assert '<img src=x onerror="alert(1)">' not in html and "&lt;img src=x" in html
    assert "4 alerts found" in html
    assert 'class="alert-severity alert-severity--danger"' in html and "Danger</span>" in html  # words, not colour


@pytest.mark.django_db
def test_the_filters_work_without_javascript(client, alerts):
    assert "Ketamine powder" in listed(client, "country=PT") and "Heroin" not in listed(client, "country=PT")
    assert "Heroin" in listed(client, "region=americas") and "Ketamine" not in listed(client, "region=americas")
    assert "Ketamine powder" in listed(client, "q=pcp") and "Heroin" not in listed(client, "q=pcp")
    assert "Ketamine powder" in listed(client, "q=ketamine")
    assert "Tesla" in listed(client, "q=TESLA+pmma") and "Tesla" not in listed(client, "q=tesla+pcp")  # every word

    assert "Ketamine" not in listed(client, "severity=danger") and "Heroin" in listed(client, "severity=danger")
    since = (timezone.localdate() - timedelta(days=100)).isoformat()
    assert "Heroin" not in listed(client, f"since={since}") and "Ketamine" in listed(client, f"since={since}")
    until = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert "Tesla" not in listed(client, f"until={until}")
    bad = client.get(f"{LIST_URL}?country=ZZ&severity=lethal&since=yesterday")
    assert bad.status_code == 200 and "4 alerts found" in bad.content.decode()  # a filter it cannot use is ignored


@pytest.mark.django_db
def test_the_list_takes_the_same_queries_for_any_number_of_alerts(client, alerts, django_assert_num_queries):
    client.get(LIST_URL)  # the site and its navigation are cached after the first request
    with CaptureQueriesContext(connection) as first:
        client.get(LIST_URL)
    assert sum("alerts_finding" in query["sql"] for query in first.captured_queries) == 1  # prefetched
    for number in range(3):
        add_alert(sold_as=f"Another pill {number}", findings=[("Caffeine", ""), ("MDMA", "80 mg")])
    with django_assert_num_queries(len(first)):
        client.get(LIST_URL)


@pytest.mark.django_db
def test_an_alert_has_its_own_page_and_an_unpublished_one_is_not_found(client, alerts):
    page = client.get(alerts["lyon"].get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "PMMA" in html and "40 mg" in html and "Lyon" in html and "Checkpoint Lyon" in html
    assert "never take a second dose" in html
    assert client.get(alerts["hidden"].get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_the_atom_feeds_parse_and_hold_published_alerts_of_every_country_or_one(client, alerts):
    every = feedparser.parse(client.get("/en/alerts/feed.atom").content)
    assert not every.bozo and every.version == "atom10"
    titles = [entry.title for entry in every.entries]
    assert len(titles) == 4 and not any("Unreviewed" in title for title in titles)
    lyon = next(entry for entry in every.entries if "Tesla" in entry.title)
    assert lyon.title.startswith("Danger: PMMA (40 mg), MDMA (traces)")
    assert lyon.link.endswith(alerts["lyon"].get_absolute_url()) and lyon.author == "Checkpoint Lyon"
    assert "never take a second dose" in lyon.summary

    portugal = feedparser.parse(client.get("/en/alerts/feed/pt.atom").content)
    assert not portugal.bozo and [entry.title for entry in portugal.entries] == [
        "Warning: PCP in “Ketamine powder”, Lisboa, Portugal"
    ]
    assert "Portugal" in portugal.feed.title
    assert client.get("/en/alerts/feed/zz.atom").status_code == 404


@pytest.mark.django_db
def test_the_atlas_country_page_shows_the_countrys_alerts_and_the_map_counts_the_last_twelve_months(client, alerts):
    country = client.get("/en/atlas/pt/").content.decode()
    assert "Early warnings from drug-checking services" in country
    assert "1 early warning from here in the last twelve months." in country and "Ketamine powder" in country
    assert 'href="/en/alerts/feed/pt.atom"' in country
    canada = client.get("/en/atlas/ca/").content.decode()
    assert "0 early warnings from here in the last twelve months." in canada and "Heroin" in canada

    layer = client.get("/en/atlas/?layer=alerts").content.decode()
    assert "Early warnings (last 12 months)" in layer
    assert "1 early warning" in layer and "Portugal" in layer
    assert "Canada" not in layer.split("atlas-table-heading", 1)[1].split("</table>", 1)[0]  # older than a year


@pytest.mark.django_db
def test_the_search_ignores_accents_and_case_in_every_script(client, alerts):
    add_alert(sold_as="Кетамин, порошок", findings=[("Мефедрон", "")], country="RU", language="ru")
    add_alert(sold_as="Pastilha «Éxtase» rosa", findings=[("Cafeína", "")], country="PT", language="pt")
    assert "Кетамин, порошок" in listed(client, "q=кетамин") and "Кетамин" in listed(client, "q=МЕФЕДРОН")
    assert "Éxtase" in listed(client, "q=extase+cafeina")
