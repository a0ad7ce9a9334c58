from django.urls import path

from motcua.accounts import oidc, views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("dang-ky/", views.signup, name="signup"),
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    # Staff's second step: the authenticator's code, or enrolling one (two_factor.py).
    path("xac-thuc/", views.otp_verify, name="otp-verify"),
    path("xac-thuc/dang-ky/", views.otp_setup, name="otp-setup"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password-change"),
    path("quen-mat-khau/", views.PasswordResetView.as_view(), name="password-reset"),
    path("quen-mat-khau/da-gui/", views.PasswordResetDoneView.as_view(),
         name="password-reset-done"),
    path("dat-lai-mat-khau/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(),
         name="password-reset-confirm"),
    path("dat-lai-mat-khau/xong/", views.PasswordResetCompleteView.as_view(),
         name="password-reset-complete"),
    # OpenID Connect (VNeID): 404 unless MOTCUA_OIDC_* are set (motcua.accounts.oidc).
    path("dinh-danh/dang-nhap/", oidc.OIDCStartView.as_view(), name="oidc-start"),
    path("dinh-danh/callback/", oidc.OIDCCallbackView.as_view(), name="oidc-callback"),
]
