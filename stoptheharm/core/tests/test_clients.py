import pytest
from django.test import RequestFactory, override_settings

from stoptheharm.core.clients import client_ip


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, None, "198.51.100.7"),
        (0, "1.2.3.4", "198.51.100.7"),  # no proxy declared: the header is anyone's to write
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "1.2.3.4, 203.0.113.9", "203.0.113.9"),  # the client wrote 1.2.3.4 itself
        (1, "6.6.6.6, 1.2.3.4, 203.0.113.9", "203.0.113.9"),
        (2, "1.2.3.4, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "10.0.0.2", "198.51.100.7"),  # fewer hops than proxies: only what the socket says is sure
        (1, "", "198.51.100.7"),
        (1, " , 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_only_the_entries_added_by_trusted_proxies_are_believed(proxies, forwarded_for, expected):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7", **headers)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(request) == expected


def test_rotating_the_left_of_the_header_does_not_change_the_client():
    with override_settings(TRUSTED_PROXY_COUNT=1):
        seen = {
            client_ip(RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"9.9.9.{n}, 203.0.113.9"))
            for n in range(20)
        }
    assert seen == {"203.0.113.9"}
