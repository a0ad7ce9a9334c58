from django.urls import path

from motcua.notify import views

app_name = "notify"
urlpatterns = [
    path("", views.preferences, name="preferences"),
]
