import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from stoptheharm.core.pagecache import page_cache


class View:
    """Counts how often the page was rendered; answers as told."""

    def __init__(self, **headers: str) -> None:
        self.renders = 0
        self.headers = headers
        self.cookie = False

    def __call__(self, request):
        self.renders += 1
        response = HttpResponse(f"render {self.renders}")
        for name, value in self.headers.items():
            response[name] = value
        if self.cookie:
            response.set_cookie("tracker", "1")
        return response


@pytest.fixture(autouse=True)
def two_seconds(settings):
    settings.PAGE_CACHE_SECONDS = 2


def get(middleware, path="/en/petition/", **headers):
    return middleware(RequestFactory().get(path, headers=headers))


def test_the_same_page_for_everyone_is_rendered_once_per_moment():
    view = View()
    middleware = page_cache(view)
    first = get(middleware)
    assert (first.content, first["Cache-Control"]) == (b"render 1", "max-age=2, stale-while-revalidate=1")
    assert get(middleware).content == b"render 1"
    assert get(middleware, "/fr/petition/").content == b"render 2"  # another address, another page
    assert view.renders == 2


@pytest.mark.parametrize(
    ("view", "request_headers"),
    [
        (View(), {"Cookie": "__Host-sessionid=abc"}),  # staff, or anyone carrying a cookie
        (View(**{"Cache-Control": "private"}), {}),
        (View(**{"Cache-Control": "max-age=0, no-cache, no-store, must-revalidate, private"}), {}),  # never_cache
        (View(Vary="Accept-Language"), {}),  # differs by a header the address does not hold
    ],
)
def test_what_is_not_the_same_for_everyone_is_never_kept(view, request_headers):
    middleware = page_cache(view)
    get(middleware, **request_headers)
    get(middleware, **request_headers)
    assert view.renders == 2


def test_a_page_that_sets_a_cookie_is_not_kept():
    view = View()
    view.cookie = True
    middleware = page_cache(view)
    get(middleware)
    get(middleware)
    assert view.renders == 2


def test_posts_are_never_served_from_memory():
    view = View()
    middleware = page_cache(view)
    get(middleware)
    assert middleware(RequestFactory().post("/en/petition/")).content == b"render 2"


def test_past_its_moment_one_request_renders_while_the_others_get_the_previous_page(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr("stoptheharm.core.pagecache.time.monotonic", lambda: now[0])
    view = View()
    middleware = page_cache(view)
    get(middleware)
    now[0] += 3  # past the two seconds
    renders_while_rendering = []

    def render_slowly(request):
        renders_while_rendering.append(get(middleware).content)  # another reader meanwhile
        return View.__call__(view, request)

    middleware_rendering = page_cache(render_slowly)
    assert middleware_rendering(RequestFactory().get("/en/petition/")).content == b"render 2"
    assert renders_while_rendering == [b"render 1"]  # the previous page, not a second render
    assert get(middleware).content == b"render 2"


def test_a_kept_page_tells_caches_in_front_only_the_time_it_has_left(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr("stoptheharm.core.pagecache.time.monotonic", lambda: now[0])
    view = View()
    middleware = page_cache(view)
    assert get(middleware)["Cache-Control"] == "max-age=2, stale-while-revalidate=1"
    now[0] += 1.2
    assert get(middleware)["Cache-Control"] == "max-age=1, stale-while-revalidate=1"  # not 2 s more
    now[0] += 0.9
    assert view.renders == 1
    middleware_rendering = page_cache(lambda request: get(middleware))  # another reader while it renders
    assert middleware_rendering(RequestFactory().get("/en/petition/"))["Cache-Control"].startswith("max-age=0")
