from django.urls import path

from motcua.catalog import views

app_name = "catalog"
urlpatterns = [
    path("thu-tuc/", views.procedure_list, name="procedure-list"),
    path("thu-tuc/<str:code>/", views.procedure_detail, name="procedure-detail"),
    path("thu-tuc/<str:code>/mau/<int:component_id>/", views.component_template,
         name="component-template"),
]
