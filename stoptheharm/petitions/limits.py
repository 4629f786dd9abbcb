"""Limits on signing, and the keyed hashes that stand in for addresses.

Over a limit, a signature is not refused: it is held for staff (`SignatureStatus.HELD`), and the
signer sees the same page and gets the same e-mail, so software learns nothing to tune against and a
person behind a shared address (a conference network) loses nothing.
"""

import ipaddress
import time
from datetime import timedelta

from django.conf import settings
from django.utils.crypto import salted_hmac

from stoptheharm.core import counters

ADDRESS_HASH_RETENTION = timedelta(days=30)
IPV4_NETWORK_PREFIX = 24
IPV6_NETWORK_PREFIX = 48


def address_hash(petition_id: int, ip_address: str) -> str:
    """A keyed hash of the client's address, different for each petition: no raw address is kept."""
    return salted_hmac("stoptheharm.petitions.address", f"{petition_id}:{ip_address}", algorithm="sha256").hexdigest()


def network_hash(petition_id: int, ip_address: str) -> str:
    """The same for the address's /24 (IPv4) or /48 (IPv6) network, for spotting trending sources."""
    try:
        address = ipaddress.ip_address(ip_address)
    except ValueError:
        return ""
    prefix = IPV4_NETWORK_PREFIX if address.version == 4 else IPV6_NETWORK_PREFIX
    network = ipaddress.ip_network(f"{address}/{prefix}", strict=False)
    return salted_hmac("stoptheharm.petitions.network", f"{petition_id}:{network}", algorithm="sha256").hexdigest()


def is_over_signing_limits(*, petition_id: int, ip_hash: str, email: str) -> bool:
    """Count this attempt against the per-address and per-e-mail limits; True when either is passed."""
    limits = settings.PETITION_LIMITS
    window = limits["window_seconds"]
    email_key = salted_hmac("stoptheharm.petitions.email", email, algorithm="sha256").hexdigest()
    by_address, by_email = count_attempts([f"ip:{petition_id}:{ip_hash}", f"email:{email_key}"], window)
    return by_address > limits["per_ip"] or by_email > limits["per_email"]


def seconds_until_window_ends() -> int:
    window = settings.PETITION_LIMITS["window_seconds"]
    return window - int(time.time()) % window


def count_attempts(keys: list[str], window_seconds: int) -> list[int]:
    """Fixed-window counters in the cache (Redis in production, so every worker shares them)."""
    bucket = int(time.time() // window_seconds)
    return counters.increment([f"petitions:limit:{key}:{bucket}" for key in keys], timeout=window_seconds + 60)
