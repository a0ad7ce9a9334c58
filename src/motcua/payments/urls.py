from django.urls import path

from motcua.payments import views

app_name = "payments"
urlpatterns = [
    path("ho-so/<str:code>/", views.dossier_fees, name="dossier"),
    path("ket-qua/", views.payment_return, name="return"),
    path("ipn/", views.ipn, name="ipn"),
    path("bien-lai/<str:reference>/", views.receipt, name="receipt"),
]
