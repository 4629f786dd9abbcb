"""Limits on subscribing to early warnings.

Over a limit a request is dropped, not refused: the visitor sees the same page, so software learns
nothing to tune against, and nobody can flood an address with confirmation e-mails.
"""

import time

from django.conf import settings
from django.utils.crypto import salted_hmac

from stoptheharm.core import counters


def is_over_subscription_limits(*, ip_address: str, email: str) -> bool:
    """Count this attempt against the per-address and per-e-mail limits; True when either is passed.

    The counters' keys are keyed hashes: neither the client's address nor the e-mail is written to the cache.
    """
    limits = settings.ALERT_SUBSCRIPTION_LIMITS
    window = limits["window_seconds"]
    ip_key = salted_hmac("stoptheharm.alerts.address", ip_address, algorithm="sha256").hexdigest()
    email_key = salted_hmac("stoptheharm.alerts.email", email, algorithm="sha256").hexdigest()
    bucket = int(time.time() // window)
    keys = [f"alerts:limit:ip:{ip_key}:{bucket}", f"alerts:limit:email:{email_key}:{bucket}"]
    by_address, by_email = counters.increment(keys, timeout=window + 60)
    return by_address > limits["per_ip"] or by_email > limits["per_email"]
