from django.urls import path

from motcua.documents import views

app_name = "documents"
urlpatterns = [
    path("<str:code>/<slug:slug>.pdf", views.dossier_form, name="dossier-form"),
]
