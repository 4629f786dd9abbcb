import pytest

SVG_NAMESPACE = 'xmlns="http://www.w3.org/2000/svg"'


@pytest.mark.django_db
def test_public_pages_forbid_third_party_content_and_framing(client, demo_site):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data: blob:"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_pages_reference_no_other_host(client, demo_site):
    for url in ["/en/", "/fr/atlas/", "/ru/about/"]:
        content = client.get(url).content.decode().replace(SVG_NAMESPACE, "")  # a name, never fetched
        assert "http://" not in content
        assert "https://" not in content


@pytest.mark.django_db
def test_the_admin_allows_style_attributes_but_still_no_other_host_or_inline_script(client):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["style-src"] == "'self' 'unsafe-inline'"
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
