from django.urls import path

from motcua.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("<str:code>/<int:file_id>/", views.dossier_file, name="file"),
]
