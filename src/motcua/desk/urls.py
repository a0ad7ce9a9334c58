from django.urls import path

from motcua.desk import intake_views, register_views, return_views, views

app_name = "desk"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("ho-so/<str:code>/", views.dossier_page, name="dossier"),
    path("ho-so/<str:code>/tiep-nhan/", views.accept, name="accept"),
    path("ho-so/<str:code>/yeu-cau-hoan-thien/", views.request_completion,
         name="request-completion"),
    path("ho-so/<str:code>/tu-choi/", views.refuse, name="refuse"),
    path("ho-so/<str:code>/chuyen-xu-ly/", views.forward, name="forward"),
    path("tiep-nhan/", intake_views.receive, name="receive"),
    path("tiep-nhan-buu-chinh/", intake_views.receive_postal, name="receive-postal"),
    path("tra-ket-qua/", return_views.return_result, name="return"),
    path("tra-ket-qua/<str:code>/bien-nhan/", return_views.acknowledgement,
         name="acknowledgement"),
    path("so-theo-doi/", register_views.register, name="register"),
    path("so-theo-doi.xlsx", register_views.register_xlsx, name="register-xlsx"),
    path("so-theo-doi.pdf", register_views.register_pdf, name="register-pdf"),
]
