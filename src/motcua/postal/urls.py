from django.urls import path

from motcua.postal import views

app_name = "postal"
urlpatterns = [
    path("trang-thai/", views.status_callback, name="status-callback"),
    path("thu-gom/", views.pickup, name="pickup"),
    path("don/", views.my_orders, name="my-orders"),
    path("don/<str:number>/", views.order, name="order"),
]
