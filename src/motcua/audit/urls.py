from django.urls import path

from motcua.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.my_reads, name="my-reads"),
]
