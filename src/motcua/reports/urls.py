from django.urls import path

from motcua.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("du-lieu.<str:fmt>", views.open_data, name="open-data"),
    path("ho-so-tre-han/", views.late_dossiers, name="late"),
    path("chi-so-766/", views.indicators, name="indicators"),
    path("bieu-06/", views.bieu06, name="bieu06"),
    path("bao-cao/", views.operational, name="operational"),
]
