from django.urls import path

from stoptheharm.news.feeds import LatestNewsAtomFeed, LatestNewsFeed

app_name = "news"
urlpatterns = [
    path("news.rss", LatestNewsFeed(), name="rss"),
    path("news.atom", LatestNewsAtomFeed(), name="atom"),
]
