"""Limits on asking for a progress link, per client address and per e-mail address.

Over a limit the request is dropped, not refused: the learner sees the same page, and nobody can
flood an address with e-mails. The counters' keys are keyed hashes: no address is written to the cache.
"""

import time

from django.conf import settings
from django.utils.crypto import salted_hmac

from stoptheharm.core import counters


def is_over_progress_link_limits(*, ip_address: str, email: str) -> bool:
    """Count this attempt against both limits; True when either is passed."""
    limits = settings.COURSE_PROGRESS_LIMITS
    window = limits["window_seconds"]
    ip_key = salted_hmac("stoptheharm.courses.address", ip_address, algorithm="sha256").hexdigest()
    email_key = salted_hmac("stoptheharm.courses.email", email, algorithm="sha256").hexdigest()
    bucket = int(time.time() // window)
    keys = [f"courses:limit:ip:{ip_key}:{bucket}", f"courses:limit:email:{email_key}:{bucket}"]
    by_address, by_email = counters.increment(keys, timeout=window + 60)
    return by_address > limits["per_ip"] or by_email > limits["per_email"]
