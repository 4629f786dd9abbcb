"""Limits on registering local actions, and the keyed hashes that stand in for addresses.

Over a limit a registration is dropped, not refused: the organiser sees the same page, so software
learns nothing to tune against. A real organiser registers a few actions; the limits only stop floods.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.utils.crypto import salted_hmac

from stoptheharm.core import counters

ADDRESS_HASH_RETENTION = timedelta(days=30)


def address_hash(ip_address: str) -> str:
    """A keyed hash of the client's address: no raw address is kept."""
    return salted_hmac("stoptheharm.localactions.address", ip_address, algorithm="sha256").hexdigest()


def is_over_registration_limits(*, ip_hash: str, email: str) -> bool:
    """Count this attempt against the per-address and per-e-mail limits; True when either is passed."""
    limits = settings.LOCAL_ACTION_LIMITS
    window = limits["window_seconds"]
    email_key = salted_hmac("stoptheharm.localactions.email", email, algorithm="sha256").hexdigest()
    bucket = int(time.time() // window)
    keys = [f"localactions:limit:ip:{ip_hash}", f"localactions:limit:email:{email_key}"]
    by_address, by_email = counters.increment([f"{key}:{bucket}" for key in keys], timeout=window + 60)
    return by_address > limits["per_ip"] or by_email > limits["per_email"]
