from django.urls import path

from motcua.processing import views

app_name = "processing"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("lanh-dao/", views.leader, name="leader"),
    path("ho-so/<str:code>/", views.dossier, name="dossier"),
    path("ho-so/<str:code>/<slug:action>/", views.act, name="act"),
]
