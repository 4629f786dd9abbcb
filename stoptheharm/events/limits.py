"""Limits on registering, per client address (per event) and per e-mail address (across events).

Addresses are never stored: the counters' keys are keyed hashes, and live one window in the cache.
"""

import time

from django.conf import settings
from django.utils.crypto import salted_hmac

from stoptheharm.core import counters


def is_over_registration_limits(*, event_id: int, ip_address: str, email: str) -> bool:
    """Count this attempt against both limits; True when either is passed."""
    limits = settings.EVENT_LIMITS
    window = limits["window_seconds"]
    ip_key = salted_hmac("stoptheharm.events.address", f"{event_id}:{ip_address}", algorithm="sha256")
    email_key = salted_hmac("stoptheharm.events.email", email, algorithm="sha256")
    bucket = int(time.time() // window)
    keys = [
        f"events:limit:ip:{ip_key.hexdigest()}:{bucket}",
        f"events:limit:email:{email_key.hexdigest()}:{bucket}",
    ]
    by_address, by_email = counters.increment(keys, timeout=window + 60)
    return by_address > limits["per_ip"] or by_email > limits["per_email"]


def seconds_until_window_ends() -> int:
    window = settings.EVENT_LIMITS["window_seconds"]
    return window - int(time.time()) % window
