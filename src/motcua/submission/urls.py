from django.urls import path

from motcua.submission import views

app_name = "submission"
urlpatterns = [
    path("", views.drafts, name="drafts"),
    path("ho-so/<int:pk>/", views.resume, name="resume"),
    path("ho-so/<int:pk>/nguoi-yeu-cau/", views.applicant, name="applicant"),
    path("ho-so/<int:pk>/noi-dung/", views.content, name="content"),
    path("ho-so/<int:pk>/giay-to/", views.uploads, name="uploads"),
    path("ho-so/<int:pk>/giay-to/<int:file_id>/xoa/", views.file_remove, name="file-remove"),
    path("ho-so/<int:pk>/nhan-ket-qua/", views.delivery, name="delivery"),
    path("ho-so/<int:pk>/xem-lai/", views.review, name="review"),
    path("ho-so/<int:pk>/huy/", views.cancel, name="cancel"),
    path("ho-so/<str:code>/da-nop/", views.done, name="done"),
    path("<str:code>/", views.start, name="start"),
]
