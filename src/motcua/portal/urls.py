from django.urls import path

from motcua.portal import lookup, my_dossiers, views
from motcua.ratings import views as ratings_views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("tra-cuu/", lookup.lookup, name="lookup"),
    path("ho-so/", my_dossiers.my_dossiers, name="my-dossiers"),
    path("ho-so/<str:code>/", my_dossiers.my_dossier, name="my-dossier"),
    path("ho-so/<str:code>/bo-sung/", my_dossiers.supplement, name="supplement"),
    path("ho-so/<str:code>/rut/", my_dossiers.withdraw, name="withdraw"),
    path("ho-so/<str:code>/huy/", my_dossiers.cancel, name="cancel"),
    path("ho-so/<str:code>/danh-gia/", ratings_views.rate, name="rate"),
    path("favicon.ico", views.favicon, name="favicon"),
]
