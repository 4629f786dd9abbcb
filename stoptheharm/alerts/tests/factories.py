import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import ExifTags, Image

from stoptheharm.alerts import services
from stoptheharm.alerts.models import Alert, AlertStatus, AlertSubscription, SubscriptionStatus
from stoptheharm.core.tokens import new_secret
from stoptheharm.organisations.tests.factories import add_organisation

ALERT = {
    "sold_as": "Ecstasy pill, blue, 'Tesla' logo",
    "findings": [("PMMA", "40 mg"), ("MDMA", "traces")],
    "country": "FR",
    "place": "Lyon",
    "severity": "danger",
    "advice": "Do not take it. PMMA takes long to act: never take a second dose.",
    "language": "en",
}


def add_alert(*, published: bool = True, service=None, **fields) -> Alert:
    """A stored alert of a drug-checking service, published unless told otherwise."""
    if service is None:
        service = add_organisation("Checkpoint Lyon", kind="service_provider")
    values = ALERT | {"sampled_on": timezone.localdate()} | fields
    alert = services.submit_alert(service=service, **values)
    if published:
        alert.status = AlertStatus.PUBLISHED
        alert.published_at = timezone.now()
        alert.save(update_fields=["status", "published_at"])
    return alert


def add_subscription(email: str = "reader@example.org", *, countries=(), confirmed: bool = True, language: str = "en"):
    subscription = AlertSubscription(
        email=email,
        countries=list(countries),
        language=language,
        secret=new_secret(),
        status=SubscriptionStatus.CONFIRMED if confirmed else SubscriptionStatus.PENDING_CONFIRMATION,
        confirmed_at=timezone.now() if confirmed else None,
    )
    subscription.full_clean()
    subscription.save()
    return subscription


def jpeg_with_gps() -> SimpleUploadedFile:
    """A small JPEG with a camera make, GPS position and a comment: what a phone's photo carries."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Camera maker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (45.0, 45.0, 0.0)
    output = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 30, 200)).save(output, format="JPEG", exif=exif, comment=b"Ana's phone")
    return SimpleUploadedFile("IMG_0042.jpg", output.getvalue(), content_type="image/jpeg")
