"""The authorization matrix: every URL of the project and what each actor gets there.

`PAGES` maps each Django URL name (`namespace:name`, as `django.urls.get_resolver()` lists
them) to the requests tried on it; `API` maps each django-ninja route (`METHOD /api/v1/...`) the
same way. `test_matrix.py` fails when a URL or a route exists without an entry here, so a new
page cannot ship without someone deciding who may open it. The Django admin (`admin:*`) is
covered as a whole by `test_admin.py`.

An entry is a list of `Case`s. A case names the request (method, path template, the scene
dossier it targets, the form or JSON it sends) and the outcome per actor (`scene.ACTORS`):

* an HTTP status (200, 400, 401, 403, 404, 405, 409, 410, 422…), or
* `LOGIN`: a redirect to the sign-in page (anonymous visitors of signed-in pages), or
* `REDIRECT`: any other redirect (a form's success, a "nothing to do here" bounce).

Rules the expectations follow (docs/access.md, docs/security.md):
* another person's dossier is 404, never 403 and never 200 (`dossier_get_for`);
* a page reserved to a role (the desk, the processing inbox, the leader's page) answers 403 to
  signed-in people without that role *before* looking at any dossier, so the answer is the same
  for an existing and a made-up code (`test_no_existence_oracle` checks it);
* a POST by an actor without the right changes nothing (`test_matrix` checks status, version
  and history of every scene dossier after each refused POST).

Path templates: {code} the dossier's code, {pk} its id, {version} its version; {file},
{draft_file}, {working_file} file ids; {ref} a paid payment's reference; {procedure} the
procedure's code, {component} one of its components' id; {unit} the commune's code,
{neighbour} the other commune's; {handler} the specialist's id; {digits} the last 4 digits of
the owner's phone.
"""

from dataclasses import dataclass, field

from tests.security.scene import ACTORS

LOGIN = "login"
REDIRECT = "redirect"


def E(rest, **by_actor) -> dict:
    """Outcome for every actor: `rest` unless named (anonymous included)."""
    unknown = set(by_actor) - set(ACTORS)
    if unknown:
        raise ValueError(f"unknown actors: {unknown}")
    return {actor: by_actor.get(actor, rest) for actor in ACTORS}


@dataclass(frozen=True)
class Case:
    path: str
    expect: dict
    method: str = "GET"
    dossier: str | None = None  # key in scene.dossiers
    data: dict = field(default_factory=dict)  # form fields (POST) or query (GET)
    json: dict | None = None  # JSON body (API)
    note: str = ""
    # Also ask for a made-up dossier and expect the same answer from those who may not see the
    # real one. Off only where knowing a secret besides the code is the point (the look-up).
    oracle: bool = True


# --- The usual rows ------------------------------------------------------------------------
PUBLIC = E(200)
SIGNED_IN = E(200, anonymous=LOGIN)
OWNER = E(404, anonymous=LOGIN, owner=200)  # the citizen's own dossier pages
OWNER_ACTS = E(404, anonymous=LOGIN, owner=REDIRECT)  # ... and the owner's successful POST
DESK_LIST = E(403, anonymous=LOGIN, desk=200, other_desk=200)  # desk pages with no dossier
DESK_DOSSIER = E(403, anonymous=LOGIN, desk=200, other_desk=404)
DESK_ACTS = E(403, anonymous=LOGIN, desk=REDIRECT, other_desk=404)
STAFF_DOSSIER = E(404, anonymous=LOGIN, desk=200, specialist=200, leader=200)
OWNER_OR_STAFF = E(404, anonymous=LOGIN, owner=200, desk=200, specialist=200, leader=200)
REPORTS = E(403, anonymous=LOGIN, desk=200, other_desk=200, leader=200, sysadmin=200)

# API: no session and no token is 401; otherwise as the pages.
API_PUBLIC = E(200)
API_SIGNED_IN = E(200, anonymous=401)
API_VIEW = E(404, anonymous=401, owner=200, desk=200, specialist=200, leader=200)
API_OWNER = E(404, anonymous=401, owner=200)


def api_staff_action(**allowed) -> dict:
    """A dossier action: 401 anonymous, 404 for whoever may not see the dossier; those who
    see it but may not act get 403 from the services; `allowed` give the actor's outcome."""
    return E(404, anonymous=401, **{"owner": 403, "desk": 403, "specialist": 403,
                                    "leader": 403, **allowed})


# The status check comes before the actor check: whoever sees the dossier is told "not in this
# status" (409); the refusal still changes nothing.
WRONG_STATUS = {"owner": 409, "desk": 409, "specialist": 409, "leader": 409}
ACTION = {"expected_version": "{version}", "note": "Kiểm tra phân quyền"}
REASON = {**ACTION, "reason": "Lý do kiểm tra phân quyền"}

PAGES: dict[str, list[Case]] = {
    # --- public pages --------------------------------------------------------------------
    "health": [Case("/healthz", PUBLIC)],
    "portal:home": [Case("/", PUBLIC)],
    "portal:lookup": [Case("/tra-cuu/", PUBLIC),
                      Case("/tra-cuu/", PUBLIC, dossier="submitted", oracle=False,
                           data={"ma": "{code}", "so": "{digits}"}, note="a found dossier"),
                      Case("/tra-cuu/", PUBLIC, dossier="submitted",
                           data={"ma": "{code}", "so": "0000"},
                           note="wrong digits: the same page as an unknown code")],
    "portal:favicon": [Case("/favicon.ico", E(REDIRECT))],
    "catalog:procedure-list": [Case("/thu-tuc/", PUBLIC)],
    "catalog:procedure-detail": [Case("/thu-tuc/{procedure}/", PUBLIC)],
    "catalog:component-template": [Case("/thu-tuc/{procedure}/mau/{component}/", E(404),
                                        note="no template file uploaded: 404 for everyone")],
    "set_language": [Case("/i18n/setlang/", E(REDIRECT), method="POST",
                          data={"language": "en", "next": "/"})],
    # --- reports (statistics are public, Biểu 06 and operational reports need reports.view)
    "reports:statistics": [Case("/thong-ke/", PUBLIC)],
    "reports:open-data": [Case("/thong-ke/du-lieu.json", PUBLIC,
                               data={"unit": "{unit}", "month": "11/2026"}),
                          Case("/thong-ke/du-lieu.csv", PUBLIC,
                               data={"unit": "{unit}", "month": "11/2026"})],
    "reports:late": [Case("/thong-ke/ho-so-tre-han/", PUBLIC)],
    "reports:indicators": [Case("/thong-ke/chi-so-766/", PUBLIC)],
    "reports:bieu06": [Case("/thong-ke/bieu-06/", REPORTS)],
    "reports:operational": [Case("/thong-ke/bao-cao/", REPORTS)],
    # --- accounts ------------------------------------------------------------------------
    "accounts:profile": [Case("/tai-khoan/", SIGNED_IN)],
    # Signed-in people are sent on to their own start page.
    "accounts:signup": [Case("/tai-khoan/dang-ky/", E(REDIRECT, anonymous=200))],
    "accounts:login": [Case("/tai-khoan/dang-nhap/", E(REDIRECT, anonymous=200))],
    "accounts:logout": [Case("/tai-khoan/dang-xuat/", E(405), note="GET never signs out"),
                        Case("/tai-khoan/dang-xuat/", E(REDIRECT), method="POST")],
    "accounts:password-change": [Case("/tai-khoan/doi-mat-khau/", SIGNED_IN)],
    # Staff's second step: whoever has nothing to do there (citizens, staff sessions that
    # passed it) is sent on; unverified staff sessions: test_second_factor.py.
    "accounts:otp-verify": [Case("/tai-khoan/xac-thuc/", E(REDIRECT, anonymous=LOGIN))],
    "accounts:otp-setup": [Case("/tai-khoan/xac-thuc/dang-ky/", E(REDIRECT, anonymous=LOGIN))],
    "accounts:password-reset": [Case("/tai-khoan/quen-mat-khau/", PUBLIC)],
    "accounts:password-reset-done": [Case("/tai-khoan/quen-mat-khau/da-gui/", PUBLIC)],
    "accounts:password-reset-confirm": [
        Case("/tai-khoan/dat-lai-mat-khau/MQ/set-password/", PUBLIC,
             note="a made-up token: the 'link no longer valid' page")],
    "accounts:password-reset-complete": [Case("/tai-khoan/dat-lai-mat-khau/xong/", PUBLIC)],
    "accounts:oidc-start": [Case("/tai-khoan/dinh-danh/dang-nhap/", E(404),
                                 note="404 unless MOTCUA_OIDC_* are set")],
    "accounts:oidc-callback": [Case("/tai-khoan/dinh-danh/callback/", E(404))],
    # --- citizen's dossiers (portal) -----------------------------------------------------
    "portal:my-dossiers": [Case("/ho-so/", SIGNED_IN)],
    "portal:my-dossier": [Case("/ho-so/{code}/", OWNER, dossier="submitted"),
                          Case("/ho-so/{code}/", OWNER, dossier="returned")],
    "portal:supplement": [
        Case("/ho-so/{code}/bo-sung/", E(404, anonymous=LOGIN, owner=REDIRECT),
             dossier="processing", note="nothing to supplement: the owner is sent back"),
        Case("/ho-so/{code}/bo-sung/", E(404, anonymous=LOGIN, owner=422), method="POST",
             dossier="processing", data={"version": "{version}", "note": "x"})],
    "portal:withdraw": [
        Case("/ho-so/{code}/rut/", OWNER, dossier="received"),
        Case("/ho-so/{code}/rut/", OWNER_ACTS, method="POST", dossier="received",
             data={"version": "{version}", "reason": "Không còn nhu cầu", "confirm": "on"})],
    "portal:cancel": [
        Case("/ho-so/{code}/huy/", OWNER, dossier="submitted"),
        Case("/ho-so/{code}/huy/", OWNER_ACTS, method="POST", dossier="submitted",
             data={"version": "{version}"})],
    "portal:rate": [
        Case("/ho-so/{code}/danh-gia/", OWNER, dossier="returned"),
        Case("/ho-so/{code}/danh-gia/", E(404, anonymous=LOGIN, owner=422), method="POST",
             dossier="returned", data={"comment": "x"})],
    # --- online submission ----------------------------------------------------------------
    "submission:drafts": [Case("/nop-ho-so/", SIGNED_IN)],
    "submission:start": [Case("/nop-ho-so/{procedure}/", SIGNED_IN)],
    "submission:resume": [Case("/nop-ho-so/ho-so/{pk}/", OWNER_ACTS, dossier="draft")],
    "submission:applicant": [Case("/nop-ho-so/ho-so/{pk}/nguoi-yeu-cau/", OWNER,
                                  dossier="draft")],
    "submission:content": [Case("/nop-ho-so/ho-so/{pk}/noi-dung/", OWNER, dossier="draft")],
    "submission:uploads": [Case("/nop-ho-so/ho-so/{pk}/giay-to/", OWNER, dossier="draft")],
    "submission:file-remove": [
        Case("/nop-ho-so/ho-so/{pk}/giay-to/{draft_file}/xoa/", OWNER_ACTS, method="POST",
             dossier="draft"),
        Case("/nop-ho-so/ho-so/{pk}/giay-to/{draft_file}/xoa/",
             E(405), dossier="draft")],
    "submission:delivery": [Case("/nop-ho-so/ho-so/{pk}/nhan-ket-qua/", OWNER,
                                 dossier="draft")],
    "submission:review": [
        Case("/nop-ho-so/ho-so/{pk}/xem-lai/", OWNER, dossier="draft"),
        Case("/nop-ho-so/ho-so/{pk}/xem-lai/", OWNER, method="POST", dossier="draft",
             data={"version": "{version}"}, note="parts missing: the owner sees the list")],
    "submission:cancel": [Case("/nop-ho-so/ho-so/{pk}/huy/", OWNER_ACTS, method="POST",
                               dossier="draft")],
    "submission:done": [Case("/nop-ho-so/ho-so/{code}/da-nop/", OWNER, dossier="submitted")],
    # --- the one-stop desk -------------------------------------------------------------------
    "desk:queue": [Case("/mot-cua/", DESK_LIST)],
    "desk:dossier": [Case("/mot-cua/ho-so/{code}/", DESK_DOSSIER, dossier="submitted"),
                     Case("/mot-cua/ho-so/{code}/", DESK_DOSSIER, dossier="processing")],
    "desk:accept": [
        Case("/mot-cua/ho-so/{code}/tiep-nhan/", DESK_ACTS, method="POST", dossier="submitted",
             data={"accept-expected_version": "{version}", "accept-note": ""}),
        Case("/mot-cua/ho-so/{code}/tiep-nhan/", E(405), dossier="submitted",
             note="GET is refused before anything else")],
    "desk:request-completion": [
        Case("/mot-cua/ho-so/{code}/yeu-cau-hoan-thien/", DESK_ACTS, method="POST",
             dossier="submitted", data={"completion-expected_version": "{version}",
                                        "completion-reason": "Thiếu giấy tờ",
                                        "completion-items": "Bản sao giấy khai sinh"})],
    "desk:refuse": [
        Case("/mot-cua/ho-so/{code}/tu-choi/", DESK_ACTS, method="POST", dossier="submitted",
             data={"refuse-expected_version": "{version}",
                   "refuse-reason": "Không thuộc thẩm quyền"})],
    "desk:forward": [
        Case("/mot-cua/ho-so/{code}/chuyen-xu-ly/", DESK_ACTS, method="POST",
             dossier="received",
             data={"forward-expected_version": "{version}", "forward-note": ""})],
    "desk:receive": [Case("/mot-cua/tiep-nhan/", DESK_LIST)],
    "desk:receive-postal": [Case("/mot-cua/tiep-nhan-buu-chinh/", DESK_LIST)],
    "desk:return": [
        Case("/mot-cua/tra-ket-qua/", DESK_LIST),
        Case("/mot-cua/tra-ket-qua/", DESK_DOSSIER, dossier="result_ready",
             data={"ma": "{code}"}, note="the neighbour's desk is told 'not found'")],
    "desk:acknowledgement": [Case("/mot-cua/tra-ket-qua/{code}/bien-nhan/", DESK_DOSSIER,
                                  dossier="returned")],
    "desk:register": [Case("/mot-cua/so-theo-doi/", DESK_LIST)],
    "desk:register-xlsx": [Case("/mot-cua/so-theo-doi.xlsx", DESK_LIST)],
    "desk:register-pdf": [Case("/mot-cua/so-theo-doi.pdf", DESK_LIST)],
    # --- processing -----------------------------------------------------------------------
    # The desk works from its own queue (/mot-cua/): the inbox is the specialists' and leaders'.
    "processing:inbox": [Case("/xu-ly/", E(403, anonymous=LOGIN, specialist=200, leader=200))],
    "processing:leader": [Case("/xu-ly/lanh-dao/", E(403, anonymous=LOGIN, leader=200))],
    "processing:dossier": [Case("/xu-ly/ho-so/{code}/", STAFF_DOSSIER, dossier="processing"),
                           Case("/xu-ly/ho-so/{code}/", E(405, anonymous=405), method="POST",
                                dossier="processing")],
    "processing:act": [
        Case("/xu-ly/ho-so/{code}/stop/", E(404, anonymous=LOGIN, desk=403, specialist=403,
                                            leader=REDIRECT),
             method="POST", dossier="received",
             data={"stop-expected_version": "{version}", "stop-reason": "Không đủ điều kiện"}),
        Case("/xu-ly/ho-so/{code}/approve/", E(404, anonymous=LOGIN, desk=403, specialist=403,
                                               leader=422),
             method="POST", dossier="awaiting_approval",
             data={"approve-expected_version": "{version}"}),
        Case("/xu-ly/ho-so/{code}/khong-co/", E(404, anonymous=LOGIN), method="POST",
             dossier="processing", note="an unknown action")],
    # --- printed forms and files -----------------------------------------------------------
    "documents:dossier-form": [Case("/van-ban/{code}/mau-01.pdf", OWNER_OR_STAFF,
                                    dossier="received")],
    "dossiers:file": [Case("/tep/{code}/{file}/", OWNER_OR_STAFF,
                           dossier="submitted_with_file"),
                      Case("/tep/{code}/{working_file}/", STAFF_DOSSIER, dossier="processing",
                           note="a specialist's working paper: staff only")],
    # --- payments --------------------------------------------------------------------------
    "payments:dossier": [
        Case("/thanh-toan/ho-so/{code}/", OWNER, dossier="submitted"),
        Case("/thanh-toan/ho-so/{code}/", E(404, anonymous=LOGIN, owner=409), method="POST",
             dossier="submitted", note="already paid: nothing to pay")],
    "payments:return": [Case("/thanh-toan/ket-qua/", E(400), note="no signed parameters")],
    "payments:ipn": [Case("/thanh-toan/ipn/", E(200), note="JSON RspCode 97: bad checksum")],
    "payments:receipt": [Case("/thanh-toan/bien-lai/{ref}/", OWNER_OR_STAFF,
                              dossier="submitted")],
    # --- postal callback: server to server, HMAC-signed -------------------------------------
    "postal:status-callback": [Case("/buu-chinh/trang-thai/", E(400), method="POST",
                                    note="unsigned: refused"),
                               Case("/buu-chinh/trang-thai/", E(405))],
    "postal:pickup": [Case("/buu-chinh/thu-gom/", SIGNED_IN)],
    "postal:my-orders": [Case("/buu-chinh/don/", SIGNED_IN)],
    "postal:order": [Case("/buu-chinh/don/BC000000000/", E(404, anonymous=LOGIN),
                          note="a made-up order number; owners' orders: tests/postal")],
    "notify:preferences": [Case("/tai-khoan/thong-bao/", SIGNED_IN)],
    # Each signed-in person sees the reads of their own data only (tests/audit).
    "audit:my-reads": [Case("/nhat-ky-truy-cap/", SIGNED_IN)],
    # --- API documentation ----------------------------------------------------------------
    "api-v1:openapi-json": [Case("/api/v1/openapi.json", PUBLIC)],
    "api-v1:openapi-view": [Case("/api/v1/docs", PUBLIC)],
    "api-v1:api-root": [Case("/api/v1/", E(404))],
}

# The django-ninja operations carry URL names too; they are listed by route in API below.
API_URL_NAMES_PREFIX = "api-v1:"

D = "/api/v1/dossiers"
API: dict[str, list[Case]] = {
    "GET /api/v1/procedures": [Case("/api/v1/procedures", API_PUBLIC)],
    "GET /api/v1/procedures/{code}": [Case("/api/v1/procedures/{procedure}", API_PUBLIC)],
    "GET /api/v1/calendar/due-date": [
        Case("/api/v1/calendar/due-date", API_PUBLIC,
             data={"received": "2026-11-26T09:00", "duration": "5d"})],
    "GET /api/v1/lookup": [Case("/api/v1/lookup", API_PUBLIC, dossier="submitted",
                                data={"code": "{code}", "digits": "{digits}"}, oracle=False),
                           Case("/api/v1/lookup", E(404), dossier="submitted",
                                data={"code": "{code}", "digits": "0000"},
                                note="wrong digits: the same 404 as an unknown code")],
    f"GET {D}/inbox": [Case(f"{D}/inbox", API_SIGNED_IN)],
    f"GET {D}/desk-queue": [Case(f"{D}/desk-queue", API_SIGNED_IN)],
    f"GET {D}/mine": [Case(f"{D}/mine", API_SIGNED_IN)],
    f"GET {D}/{{int:dossier_id}}": [Case(f"{D}/{{pk}}", API_VIEW, dossier="submitted"),
                                   Case(f"{D}/{{pk}}", API_OWNER, dossier="draft")],
    f"PATCH {D}/{{int:dossier_id}}": [
        Case(f"{D}/{{pk}}", API_OWNER, method="PATCH", dossier="draft",
             json={"expected_version": "{version}", "case": ""})],
    f"GET {D}/{{int:dossier_id}}/events": [Case(f"{D}/{{pk}}/events", API_VIEW,
                                                dossier="submitted")],
    f"POST {D}": [Case(D, E(201, anonymous=401), method="POST", json={
        "procedure": "{procedure}", "receiving_unit": "{unit}",
        "applicant": {"name": "Người Thử"}})],
    # Staff accounts may also submit for themselves: a person can be both (docs/access.md).
    f"POST {D}/submissions": [Case(f"{D}/submissions", E(201, anonymous=401), method="POST",
                                   json={"procedure": "{procedure}", "receiving_unit": "{unit}",
                                         "applicant": {"name": "Người Thử"}})],
    f"POST {D}/{{int:dossier_id}}/files": [
        Case(f"{D}/{{pk}}/files", E(404, anonymous=401, owner=201), method="POST",
             dossier="draft", data={"purpose": "submission"})],
    f"POST {D}/{{int:dossier_id}}/submit": [
        Case(f"{D}/{{pk}}/submit", API_OWNER, method="POST", dossier="draft",
             json={"expected_version": "{version}"})],
    f"POST {D}/{{int:dossier_id}}/resubmit": [
        Case(f"{D}/{{pk}}/resubmit", E(404, anonymous=401, owner=409), method="POST",
             dossier="submitted", json={"expected_version": "{version}"})],
    f"POST {D}/{{int:dossier_id}}/cancel": [
        Case(f"{D}/{{pk}}/cancel", API_OWNER, method="POST", dossier="submitted", json=ACTION)],
    f"POST {D}/{{int:dossier_id}}/accept": [
        Case(f"{D}/{{pk}}/accept", api_staff_action(desk=200), method="POST",
             dossier="submitted", json=ACTION)],
    f"POST {D}/{{int:dossier_id}}/request-completion": [
        Case(f"{D}/{{pk}}/request-completion", api_staff_action(desk=200), method="POST",
             dossier="submitted", json={**REASON, "items": ["Bản sao giấy khai sinh"]})],
    f"POST {D}/{{int:dossier_id}}/refuse": [
        Case(f"{D}/{{pk}}/refuse", api_staff_action(desk=200), method="POST",
             dossier="submitted", json=REASON)],
    f"POST {D}/receipts": [Case(f"{D}/receipts", E(403, anonymous=401, desk=422),
                                method="POST", json={
                                    "procedure": "{procedure}", "receiving_unit": "{unit}",
                                    "applicant": {"name": "Người Thử"}, "components": []},
                                note="no components handed in: the desk is told what is missing")],
    f"POST {D}/refusals": [Case(f"{D}/refusals", E(403, anonymous=401, desk=201),
                                method="POST", json={
                                    "procedure": "{procedure}", "receiving_unit": "{unit}",
                                    "applicant": {"name": "Người Thử"}, "reason": "Thử"})],
    f"POST {D}/{{int:dossier_id}}/forward": [
        Case(f"{D}/{{pk}}/forward", api_staff_action(desk=200), method="POST",
             dossier="received", json=ACTION)],
    f"POST {D}/{{int:dossier_id}}/assign": [
        Case(f"{D}/{{pk}}/assign", api_staff_action(leader=200), method="POST",
             dossier="processing", json={**ACTION, "handler": "{handler}"})],
    f"POST {D}/{{int:dossier_id}}/hand-over": [
        Case(f"{D}/{{pk}}/hand-over", api_staff_action(specialist=409), method="POST",
             dossier="processing", json=ACTION)],
    f"POST {D}/{{int:dossier_id}}/send-to-agency": [
        Case(f"{D}/{{pk}}/send-to-agency", api_staff_action(leader=409), method="POST",
             dossier="awaiting_approval", json={**ACTION, "agency": "{neighbour}"})],
    f"POST {D}/{{int:dossier_id}}/agency-return": [
        Case(f"{D}/{{pk}}/agency-return", api_staff_action(specialist=409), method="POST",
             dossier="processing", json=ACTION)],
    f"POST {D}/{{int:dossier_id}}/request-supplement": [
        Case(f"{D}/{{pk}}/request-supplement", api_staff_action(specialist=200),
             method="POST", dossier="processing", json={**REASON, "items": ["Giấy tờ"]})],
    f"POST {D}/{{int:dossier_id}}/supplement": [
        Case(f"{D}/{{pk}}/supplement", api_staff_action(owner=409, desk=409, specialist=409,
                                                        leader=409), method="POST",
             dossier="processing", json=ACTION)],
    f"POST {D}/{{int:dossier_id}}/request-obligation": [
        Case(f"{D}/{{pk}}/request-obligation", api_staff_action(specialist=200),
             method="POST", dossier="processing", json={**REASON, "amount": 1000})],
    f"POST {D}/{{int:dossier_id}}/fulfil-obligation": [
        Case(f"{D}/{{pk}}/fulfil-obligation", api_staff_action(**WRONG_STATUS), method="POST",
             dossier="processing", json=ACTION)],
    f"POST {D}/{{int:dossier_id}}/propose": [
        Case(f"{D}/{{pk}}/propose", api_staff_action(specialist=200), method="POST",
             dossier="processing", json=ACTION)],
    f"POST {D}/{{int:dossier_id}}/approve": [
        Case(f"{D}/{{pk}}/approve", api_staff_action(leader=200), method="POST",
             dossier="awaiting_approval",
             json={**ACTION, "results": [{"name": "Giấy chứng nhận", "number": "01/GCN"}]})],
    f"POST {D}/{{int:dossier_id}}/send-back": [
        Case(f"{D}/{{pk}}/send-back", api_staff_action(leader=200), method="POST",
             dossier="awaiting_approval", json=REASON)],
    f"POST {D}/{{int:dossier_id}}/request-withdrawal": [
        Case(f"{D}/{{pk}}/request-withdrawal", api_staff_action(owner=200, desk=200),
             method="POST",
             dossier="received", json=REASON)],
    f"POST {D}/{{int:dossier_id}}/accept-withdrawal": [
        Case(f"{D}/{{pk}}/accept-withdrawal", api_staff_action(**WRONG_STATUS), method="POST",
             dossier="received", json=ACTION)],
    f"POST {D}/{{int:dossier_id}}/stop": [
        Case(f"{D}/{{pk}}/stop", api_staff_action(leader=200), method="POST",
             dossier="received", json=REASON)],
    f"POST {D}/{{int:dossier_id}}/reschedule": [
        Case(f"{D}/{{pk}}/reschedule", api_staff_action(leader=200), method="POST",
             dossier="processing",
             json={**REASON, "new_appointment_at": "2027-01-29T09:00:00+07:00"})],
    f"POST {D}/{{int:dossier_id}}/return-result": [
        Case(f"{D}/{{pk}}/return-result", api_staff_action(desk=200), method="POST",
             dossier="result_ready", json={**ACTION, "collected_by": "Người nhận"})],
}
