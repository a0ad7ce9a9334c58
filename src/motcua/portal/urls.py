from django.urls import path

from motcua.portal import lookup, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("tra-cuu/", lookup.lookup, name="lookup"),
    path("favicon.ico", views.favicon, name="favicon"),
]
