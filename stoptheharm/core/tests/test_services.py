"""The real mail server and cache that production uses, started on this machine."""

from email import message_from_bytes
from pathlib import Path

import redis
from django.core import mail
from django.core.cache import caches
from django.test import override_settings

from config import env


def test_email_url_delivers_through_a_real_smtp_server(smtp_server):
    inbox, port = smtp_server
    mailers = env.mailers_config(f"smtp://127.0.0.1:{port}?timeout=5", default_file_path=Path("/unused"))
    with override_settings(MAILERS=mailers):
        sent = mail.send_mail(
            "Confirm your signature", "Follow the link to confirm.", "no-reply@example.org", ["amina@example.org"]
        )
    assert sent == 1
    [(sender, recipients, content)] = inbox.messages
    assert (sender, recipients) == ("no-reply@example.org", ["amina@example.org"])
    message = message_from_bytes(content)
    assert message["Subject"] == "Confirm your signature"
    assert "Follow the link to confirm." in message.get_payload(decode=True).decode()


def test_the_file_backend_writes_each_message_under_the_folder(tmp_path):
    mailers = env.mailers_config("file:", default_file_path=tmp_path / "mail")
    with override_settings(MAILERS=mailers):
        mail.send_mail("Hello", "Body text", "no-reply@example.org", ["amina@example.org"])
    [written] = (tmp_path / "mail").iterdir()
    assert "Body text" in written.read_text()


def test_redis_url_puts_the_cache_in_a_real_redis(redis_url):
    with override_settings(CACHES=env.cache_config(redis_url)):
        cache = caches["default"]
        cache.set("stoptheharm-test", {"count": 12122}, timeout=30)
        assert cache.get("stoptheharm-test") == {"count": 12122}
        assert redis.Redis.from_url(redis_url).exists(cache.make_key("stoptheharm-test")) == 1
        cache.delete("stoptheharm-test")
