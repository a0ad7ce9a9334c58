"""Every server-rendered page of the site, who opens it, and how to reach it with the quality
fixtures (tests/quality/conftest.py)."""

from collections.abc import Callable
from dataclasses import dataclass

from motcua.dossiers.statuses import Channel, Status


@dataclass(frozen=True)
class Page:
    name: str
    who: str | None  # a DossierWorld attribute (citizen, desk_officer…) or None: anonymous
    url: Callable  # (site) -> path
    # The form to submit blank, which must answer with an error summary: "." the page's own,
    # else the path its form posts to ({code}: the page's dossier); None: no such form.
    invalid: str | None = None
    owner: str = ""  # the app whose templates render it


def _code(status, channel=Channel.ONLINE):
    return lambda site: site.dossier(status, channel).code


def _step(step):
    def url(site):
        from motcua.submission.steps import step_url

        return step_url(site.dossier(Status.DRAFT), step)

    return url


def _with(path, *states):
    """`path`, once the site holds dossiers in `states` ((status, channel) pairs), so lists and
    tables are rendered with rows."""

    def url(site):
        for status, channel in states:
            site.dossier(status, channel)
        return path

    return url


_ONLINE_MIX = (
    (Status.SUBMITTED, Channel.ONLINE),
    (Status.PROCESSING, Channel.ONLINE),
    (Status.RETURNED, Channel.ONLINE),
    (Status.DRAFT, Channel.ONLINE),
)
_DESK_MIX = (
    (Status.SUBMITTED, Channel.ONLINE),
    (Status.RECEIVED, Channel.DIRECT),
    (Status.RESULT_READY, Channel.DIRECT),
    (Status.RETURNED, Channel.DIRECT),
)
_OFFICE_MIX = (
    (Status.PROCESSING, Channel.DIRECT),
    (Status.AWAITING_APPROVAL, Channel.DIRECT),
    (Status.SUPPLEMENT_REQUESTED, Channel.DIRECT),
)


def _at(template, status, channel=Channel.ONLINE):
    return lambda site: template.format(code=_code(status, channel)(site))


def _second_step(site, path, device=False):
    """`path`, with staff's two-factor sign-in on (and the desk officer's authenticator)."""
    site.settings.MOTCUA_STAFF_OTP_REQUIRED = True
    if device:
        from tests.accounts.otp import device_for

        device_for(site.world.desk_officer)
    return path


def _read_by_desk(site):
    """The access log page once the desk officer has opened one of the citizen's dossiers."""
    dossier = site.dossier(Status.RECEIVED)
    site.client_for("desk_officer").get(f"/mot-cua/ho-so/{dossier.code}/")
    return "/nhat-ky-truy-cap/"


PAGES = [
    # The public portal and the catalog.
    Page("home", None, lambda s: "/", owner="portal"),
    Page("lookup", None, lambda s: "/tra-cuu/", owner="portal"),
    Page("procedure-list", None, lambda s: "/thu-tuc/", owner="catalog"),
    Page("procedure-detail", None, lambda s: f"/thu-tuc/{s.procedure.code}/", owner="catalog"),
    # Online submission (the wizard).
    Page("submission-drafts", "citizen", _with("/nop-ho-so/", *_ONLINE_MIX), owner="submission"),
    Page(
        "submission-start",
        "citizen",
        lambda s: f"/nop-ho-so/{s.procedure.code}/",
        owner="submission",
    ),
    Page("submission-applicant", "citizen", _step("applicant"), invalid=".", owner="submission"),
    Page("submission-content", "citizen", _step("content"), invalid=".", owner="submission"),
    Page("submission-uploads", "citizen", _step("uploads"), owner="submission"),
    Page("submission-delivery", "citizen", _step("delivery"), invalid=".", owner="submission"),
    Page("submission-review", "citizen", _step("review"), owner="submission"),
    Page(
        "submission-done",
        "citizen",
        _at("/nop-ho-so/ho-so/{code}/da-nop/", Status.SUBMITTED),
        owner="submission",
    ),
    # My dossiers, with the citizen's requests and the rating.
    Page("my-dossiers", "citizen", _with("/ho-so/", *_ONLINE_MIX), owner="portal"),
    Page("my-dossier", "citizen", _at("/ho-so/{code}/", Status.PROCESSING), owner="portal"),
    Page(
        "my-dossier-supplement",
        "citizen",
        _at("/ho-so/{code}/bo-sung/", Status.SUPPLEMENT_REQUESTED),
        invalid=".",
        owner="portal",
    ),
    Page(
        "my-dossier-withdraw",
        "citizen",
        _at("/ho-so/{code}/rut/", Status.PROCESSING),
        invalid=".",
        owner="portal",
    ),
    Page(
        "my-dossier-cancel", "citizen", _at("/ho-so/{code}/huy/", Status.SUBMITTED), owner="portal"
    ),
    Page(
        "my-dossier-rate",
        "citizen",
        _at("/ho-so/{code}/danh-gia/", Status.RETURNED),
        invalid=".",
        owner="ratings",
    ),
    # Fees.
    Page(
        "payment-fees",
        "citizen",
        _at("/thanh-toan/ho-so/{code}/", Status.SUBMITTED),
        owner="payments",
    ),
    Page(
        "payment-receipt",
        "citizen",
        lambda s: f"/thanh-toan/bien-lai/{s.paid_reference()}/",
        owner="payments",
    ),
    # The one-stop desk.
    Page("desk-queue", "desk_officer", _with("/mot-cua/", *_DESK_MIX), owner="desk"),
    Page(
        "desk-dossier",
        "desk_officer",
        _at("/mot-cua/ho-so/{code}/", Status.SUBMITTED),
        invalid="/mot-cua/ho-so/{code}/tu-choi/",
        owner="desk",
    ),
    Page("desk-receive", "desk_officer", lambda s: "/mot-cua/tiep-nhan/", owner="desk"),
    Page(
        "desk-receive-form",
        "desk_officer",
        lambda s: f"/mot-cua/tiep-nhan/?procedure={s.procedure.code}",
        invalid=".",
        owner="desk",
    ),
    Page(
        "desk-receive-postal",
        "desk_officer",
        lambda s: "/mot-cua/tiep-nhan-buu-chinh/",
        owner="desk",
    ),
    Page("desk-return", "desk_officer", _with("/mot-cua/tra-ket-qua/", *_DESK_MIX), owner="desk"),
    Page(
        "desk-acknowledgement",
        "desk_officer",
        _at("/mot-cua/tra-ket-qua/{code}/bien-nhan/", Status.RETURNED, Channel.DIRECT),
        owner="desk",
    ),
    Page("desk-register", "desk_officer", _with("/mot-cua/so-theo-doi/", *_DESK_MIX), owner="desk"),
    # Processing.
    Page("processing-inbox", "specialist", _with("/xu-ly/", *_OFFICE_MIX), owner="processing"),
    Page(
        "processing-leader", "leader", _with("/xu-ly/lanh-dao/", *_OFFICE_MIX), owner="processing"
    ),
    Page(
        "processing-dossier",
        "specialist",
        _at("/xu-ly/ho-so/{code}/", Status.PROCESSING, Channel.DIRECT),
        invalid="/xu-ly/ho-so/{code}/request_supplement/",
        owner="processing",
    ),
    # Who read my personal data (the access log, Decree 13/2023).
    Page("my-reads", "citizen", _read_by_desk, owner="audit"),
    # Accounts.
    Page(
        "account-login",
        None,
        lambda s: "/tai-khoan/dang-nhap/",
        invalid=".",
        owner="accounts",
    ),
    Page(
        "account-signup",
        None,
        lambda s: "/tai-khoan/dang-ky/",
        invalid=".",
        owner="accounts",
    ),
    Page("account-profile", "citizen", lambda s: "/tai-khoan/", owner="accounts"),
    Page(
        "account-password-change",
        "citizen",
        lambda s: "/tai-khoan/doi-mat-khau/",
        invalid=".",
        owner="accounts",
    ),
    Page(
        "account-password-reset",
        None,
        lambda s: "/tai-khoan/quen-mat-khau/",
        invalid=".",
        owner="accounts",
    ),
    Page(
        "account-password-reset-done",
        None,
        lambda s: "/tai-khoan/quen-mat-khau/da-gui/",
        owner="accounts",
    ),
    Page(
        "account-password-reset-complete",
        None,
        lambda s: "/tai-khoan/dat-lai-mat-khau/xong/",
        owner="accounts",
    ),
    # Staff's second step (two-factor sign-in is off in the suite: these pages turn it on).
    Page("account-otp-setup", "desk_officer",
         lambda s: _second_step(s, "/tai-khoan/xac-thuc/dang-ky/"), invalid=".",
         owner="accounts"),
    Page("account-otp-verify", "desk_officer",
         lambda s: _second_step(s, "/tai-khoan/xac-thuc/", device=True), invalid=".",
         owner="accounts"),
    # Reports.
    Page(
        "reports-statistics",
        None,
        _with("/thong-ke/", *_DESK_MIX),
        owner="reports",
    ),
    Page(
        "reports-late",
        "leader",
        _with("/thong-ke/ho-so-tre-han/", *_DESK_MIX),
        owner="reports",
    ),
    Page(
        "reports-indicators",
        "leader",
        _with("/thong-ke/chi-so-766/", *_DESK_MIX),
        owner="reports",
    ),
    Page(
        "reports-bieu06",
        "leader",
        _with("/thong-ke/bieu-06/", *_DESK_MIX),
        owner="reports",
    ),
    Page(
        "reports-operational",
        "leader",
        _with("/thong-ke/bao-cao/", *_DESK_MIX),
        owner="reports",
    ),
]
