"""Locust scenarios of the load test (issue #8, docs/performance.md).

Five kinds of visitor, through the real pages (CSRF tokens, sessions, sign-in page, uploads):

- `LookupVisitor`  — the public look-up, the page `/tra-cuu/` and `GET /api/v1/lookup`, with
  real codes and digits (one try in ten with wrong digits, answered "not found" alike);
- `CatalogVisitor` — searches the catalog `/thu-tuc/?q=…`, opens a procedure;
- `Citizen`        — signs in, then submits a dossier through the whole wizard `/nop-ho-so/`
  (start, applicant, content, five uploads, delivery, review and submit), reads "my dossiers";
- `Specialist`     — signs in, reads the inbox `/xu-ly/` of a unit holding ~1/31 of the seeded
  dossiers and opens one;
- `DeskOfficer`    — signs in, reads the desk queue `/mot-cua/`, receives a dossier in person
  at `/mot-cua/tiep-nhan/` and opens its page.

Every request is named `read · …` or `write · …` (a POST that changes data; the GET of the page
it redirects to is a separate read), so the runner reports p95 per class. Sign-in is named
`setup · sign-in` and kept out of both (a password hash is deliberately slow, and each
simulated user signs in once). The `*Max` users (no think time) are the closed-loop baseline
when wrk is not installed.

The plan (accounts, codes, procedures) comes from `bench/load/prepare.py`: MOTCUA_LOAD_PLAN.
Raw response times per class are written to MOTCUA_LOAD_SAMPLES when the test stops; they are
measured from when every user has spawned and signed in, for MOTCUA_LOAD_MEASURE seconds, after
which locust quits (its own `--run-time` is only a bound).
"""

import json
import os
import random
import re
import time
from contextlib import suppress
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import gevent
from locust import FastHttpUser, between, constant, events, task
from urllib3.filepost import encode_multipart_formdata

PLAN_FILE = Path(os.environ.get(
    "MOTCUA_LOAD_PLAN", Path(__file__).resolve().parents[2] / "var" / "load" / "plan.json"))
PLAN = json.loads(PLAN_FILE.read_text()) if PLAN_FILE.exists() else {}
READ, WRITE, SETUP = "read", "write", "setup"
# A one-page PDF, small: the type is read from the first bytes (motcua.dossiers.files).
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
       b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n") + b"%" + b"x" * 20_000 + b"\n"
STEP_PAUSE = (1.0, 3.0)  # seconds a person spends on one page of a form before sending it
# The smoke test (tests/bench/test_load.py): no think time, MOTCUA_LOAD_EACH users per scenario.
FAST = os.environ.get("MOTCUA_LOAD_FAST") == "1"
if FAST:
    STEP_PAUSE = (0.0, 0.05)


def _name(kind: str, what: str) -> str:
    return f"{kind} · {what}"


# --- Forms -----------------------------------------------------------------------------------


class Form:
    def __init__(self, action: str, method: str):
        self.action, self.method = action, method
        self.values: list[tuple[str, str]] = []  # what the browser would send untouched
        self.files: list[str] = []
        self.names: set[str] = set()
        self.choices: dict[str, list[str]] = {}  # select / radio name → non-empty values

    def data(self, **overrides: str) -> list[tuple[str, str]]:
        """The form as submitted: defaults, a choice where none is made, then `overrides`."""
        sent = [(k, v) for k, v in self.values if k not in overrides]
        chosen = {k for k, v in sent if v}
        for name, options in self.choices.items():
            if name not in chosen and name not in overrides and options:
                sent = [(k, v) for k, v in sent if k != name]
                sent.append((name, random.choice(options)))
        return sent + list(overrides.items())


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("action", ""), a.get("method", "get").lower())
            self.forms.append(self._form)
        form = self._form
        if form is None or ("name" not in a and tag != "option"):
            return
        name = a.get("name", "")
        if tag == "input":
            kind = a.get("type", "text").lower()
            form.names.add(name)
            if kind == "file":
                form.files.append(name)
            elif kind in ("checkbox", "radio"):
                if kind == "radio":
                    form.choices.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form.values.append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "image", "reset"):
                form.values.append((name, a.get("value", "")))
        elif tag == "select":
            self._select = name
            form.names.add(name)
            form.choices.setdefault(name, [])
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if value:
                form.choices[self._select].append(value)
            if "selected" in a:
                form.values.append((self._select, value))
        elif tag == "textarea":
            self._textarea, self._text = name, ""
            form.names.add(name)

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            if self._select and self._form:
                sel = self._select
                if any(k == sel for k, v in self._form.values if v):
                    self._form.choices.pop(sel, None)
            self._select = None
        elif tag == "textarea" and self._textarea and self._form:
            self._form.values.append((self._textarea, self._text.strip()))
            self._textarea = None


def form_with(html: str, field: str) -> Form:
    """The page's form with a field named `field` ("file": the form with a file input)."""
    parser = _FormParser()
    parser.feed(html)
    for form in parser.forms:
        if field in form.names or (field == "file" and form.files):
            return form
    raise LookupError(f"no form with a field {field!r}")


# --- Collecting response times per class -----------------------------------------------------

SAMPLES: dict[str, list[float]] = {}
FAILURES: dict[str, int] = {}
STATE = {"measuring": False, "started": None, "stopped": None, "signing_in": 0, "env": None}
# Measured seconds, counted once every user has spawned and signed in; then locust quits.
MEASURE = float(os.environ.get("MOTCUA_LOAD_MEASURE", "0"))


@events.init.add_listener
def _init(environment, **_kw):
    STATE["env"] = environment


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception=None, context=None,
            **_kw):
    """Keys: the class (`read`), the request's name, and `<scenario> · <class>`."""
    kind = name.split(" · ", 1)[0]
    if not STATE["measuring"] and kind != SETUP:
        return
    scenario = (context or {}).get("scenario", "other")
    for key in (kind, name, f"{scenario} · {kind}"):
        SAMPLES.setdefault(key, []).append(response_time)
        if exception is not None:
            FAILURES[key] = FAILURES.get(key, 0) + 1


@events.spawning_complete.add_listener
def _spawned(user_count, **_kw):
    gevent.spawn(_measure)


def _measure():
    """The steady state only: from when the last user has signed in, for MEASURE seconds."""
    gevent.sleep(1)  # the last users spawned start their sign-in
    while STATE["signing_in"]:
        gevent.sleep(0.2)
    STATE["measuring"], STATE["started"] = True, time.time()
    if path := os.environ.get("MOTCUA_LOAD_SAMPLES"):
        Path(f"{path}.started").touch()  # the runner starts counting the server's CPU
    if MEASURE:
        gevent.sleep(MEASURE)
        STATE["measuring"], STATE["stopped"] = False, time.time()
        STATE["env"].runner.quit()


@events.quitting.add_listener
def _write(environment, **_kw):
    path = os.environ.get("MOTCUA_LOAD_SAMPLES")
    if not path:
        return
    Path(path).write_text(json.dumps({
        "started": STATE["started"], "stopped": STATE["stopped"] or time.time(),
        "samples": SAMPLES, "failures": FAILURES,
        "users": {cls.__name__: cls.fixed_count for cls in environment.user_classes}}))


# --- The visitors ----------------------------------------------------------------------------


class Visitor(FastHttpUser):
    abstract = True
    insecure = True

    def on_start(self):
        # Each simulated person has an address of their own, as behind the province's reverse
        # proxy (the runner sets MOTCUA_NUM_PROXIES=1): the look-up's limit counts per address.
        self.headers = {"X-Forwarded-For": _address()}

    def context(self) -> dict:
        return {"scenario": type(self).__name__}

    def page(self, path: str, what: str, *, kind: str = READ, expect: int = 200, **kwargs):
        # Never follow a redirect: a lost session would else count as a fine sign-in page.
        with self.client.get(path, name=_name(kind, what), catch_response=True,
                             allow_redirects=False, headers=self.headers, **kwargs) as response:
            if response.status_code != expect:
                response.failure(f"{path}: HTTP {response.status_code}")
            return response

    def send(self, form: Form, what: str, *, fields=None, files=None, referer: str = "",
             expect: int = 302) -> str:
        """POST a form as a browser would; returns where the answer redirects."""
        data = form.data(**(fields or {}))
        headers = {**self.headers, "Referer": referer}
        if files:
            body, content_type = encode_multipart_formdata(
                data + [(name, ("giay-to.pdf", PDF, "application/pdf")) for name in files])
        else:
            body, content_type = urlencode(data), "application/x-www-form-urlencoded"
        headers["Content-Type"] = content_type
        with self.client.post(form.action or referer, data=body, headers=headers,
                              name=_name(WRITE, what), allow_redirects=False,
                              catch_response=True) as response:
            location = response.headers.get("Location", "") if response.headers else ""
            if response.status_code != expect or (expect == 302 and not location):
                snippet = re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]{0,200})',
                                     response.text or "")
                response.failure(f"{what}: HTTP {response.status_code} {snippet[:3]}")
                raise _Stop
            return location

    def sign_in(self, username: str) -> None:
        STATE["signing_in"] += 1
        try:
            for _attempt in range(3):
                if self._sign_in(username):
                    return
        finally:
            STATE["signing_in"] -= 1

    def _sign_in(self, username: str) -> bool:
        path = "/tai-khoan/dang-nhap/"
        page = self.page(path, "sign-in page", kind=SETUP)
        form = form_with(page.text, "password")
        with self.client.post(path, data=urlencode(form.data(identifier=username,
                                                             password=PLAN["password"])),
                              headers={**self.headers, "Referer": path,
                                       "Content-Type": "application/x-www-form-urlencoded"},
                              name=_name(SETUP, "sign-in"), allow_redirects=False,
                              catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"sign-in of {username}: HTTP {response.status_code}")
                return False
            return True

    def pause(self) -> None:
        time.sleep(random.uniform(*STEP_PAUSE))  # gevent-patched: yields


class _Stop(Exception):
    """A step failed (already reported to locust): abandon this walk through the form."""


def _code_and_digits() -> tuple[str, str]:
    code, digits = random.choice(PLAN["lookups"])
    if random.random() < 0.1:  # a typo: answered exactly like an unknown code
        digits = f"{(int(digits) + 1) % 10_000:04d}"
    return code, digits


class LookupVisitor(Visitor):
    fixed_count = 15
    wait_time = between(1, 4)

    @task(3)
    def lookup_page(self):
        code, digits = _code_and_digits()
        self.page(f"/tra-cuu/?{urlencode({'ma': code, 'so': digits})}", "look-up page")

    @task(2)
    def lookup_api(self):
        code, digits = _code_and_digits()
        path = f"/api/v1/lookup?{urlencode({'code': code, 'digits': digits})}"
        with self.client.get(path, name=_name(READ, "look-up API"), headers=self.headers,
                             catch_response=True) as response:
            if response.status_code in (200, 404):  # 404: wrong digits, by design
                response.success()
            else:
                response.failure(f"HTTP {response.status_code}")


class CatalogVisitor(Visitor):
    fixed_count = 10
    wait_time = between(2, 5)

    @task
    def search(self):
        query = random.choice(PLAN["catalog_queries"])
        page = self.page(f"/thu-tuc/?{urlencode({'q': query})}", "catalog search")
        codes = re.findall(r'href="/thu-tuc/([A-Z]+-\d+)/"', page.text or "")
        if codes:
            self.pause()
            self.page(f"/thu-tuc/{random.choice(codes)}/", "procedure page")


class Citizen(Visitor):
    fixed_count = 10
    wait_time = between(3, 8)

    def on_start(self):
        super().on_start()
        self.username = random.choice(PLAN["citizens"])
        self.sign_in(self.username)
        self.number = int(self.username.rsplit(".", 1)[1])

    @task(4)
    def submit_online(self):
        with suppress(_Stop):
            self._wizard()

    @task(1)
    def my_dossiers(self):
        self.page("/ho-so/", "my dossiers")

    def _step(self, path: str, what: str, field: str, *, fields=None, files=False) -> str:
        page = self.page(path, what)
        if page.status_code != 200:
            raise _Stop
        form = form_with(page.text, field)
        self.pause()
        return self.send(form, what, fields=fields, referer=path,
                         files=form.files if files else None)

    def _wizard(self):
        start = f"/nop-ho-so/{PLAN['online_procedure']}/"
        path = self._step(start, "wizard start", "idempotency_key")
        path = self._step(path, "wizard applicant", "who", fields={
            "who": "self", "name": f"Công dân Tải {self.number:03d}",
            "id_number": f"099{900000000 + self.number:09d}", "phone": f"0109{self.number:06d}",
            "address": "Ấp Mẫu, xã Mẫu 1, tỉnh Mẫu (địa chỉ mẫu)"})
        path = self._step(path, "wizard content", "content", fields={
            "content": "Đề nghị đăng ký khai sinh cho con (dữ liệu thử tải)."})
        path = self._step(path, "wizard uploads", "file", files=True)
        path = self._step(path, "wizard delivery", "delivery", fields={"delivery": "desk"})
        done = self._step(path, "wizard submit", "version")
        self.page(done, "submission receipt")


class Specialist(Visitor):
    fixed_count = 8
    wait_time = between(3, 8)

    def on_start(self):
        super().on_start()
        self.sign_in(random.choice(PLAN["specialists"])["username"])

    @task
    def inbox(self):
        page = self.page("/xu-ly/?pham-vi=unit", "inbox (unit)")
        codes = re.findall(r'href="/xu-ly/ho-so/([^/"]+)/"', page.text or "")
        self.pause()
        if codes:
            self.page(f"/xu-ly/ho-so/{random.choice(codes)}/", "dossier page (officer)")
        else:
            self.page("/xu-ly/", "inbox (mine)")


class DeskOfficer(Visitor):
    fixed_count = 7
    wait_time = between(3, 8)

    def on_start(self):
        super().on_start()
        self.sign_in(random.choice(PLAN["desk_officers"])["username"])

    @task(1)
    def queue(self):
        self.page("/mot-cua/", "desk queue")

    @task(3)
    def receive(self):
        path = f"/mot-cua/tiep-nhan/?{urlencode({'procedure': PLAN['desk_procedure']})}"
        page = self.page(path, "receipt form")
        if page.status_code != 200:
            return
        form = form_with(page.text, "idempotency_key")
        n = random.randrange(1, 999_999)
        self.pause()
        self.pause()
        fields = {"kind": "person", "name": f"Người dân Tải {n:06d}",
                  "id_number": f"099{800000000 + n:09d}", "phone": f"0108{n:06d}",
                  "address": "Ấp Mẫu, xã Mẫu 2, tỉnh Mẫu (địa chỉ mẫu)", "delivery": "desk"}
        fields.update(_counts(form))
        try:
            location = self.send(form, "desk receipt", referer=path, fields=fields)
        except _Stop:
            return
        self.page(location, "dossier page (desk)")


def _counts(form: Form) -> dict:
    """The officer ticks what the applicant handed in; an item the catalog lists with no
    paper to keep (an ID card shown) gets one copy, as the counter would note it."""
    values = dict(form.values)

    def none(name: str) -> bool:
        return not (values.get(name) or "0").strip("0")

    return {f"{name}_copies": "1" for name, value in form.values
            if re.fullmatch(r"c\d+", name) and value
            and none(f"{name}_originals") and none(f"{name}_copies")}


def _address() -> str:
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


# --- Closed-loop baseline (used when wrk is not installed) -----------------------------------


class BareMax(FastHttpUser):
    wait_time = constant(0)
    fixed_count = 0

    @task
    def bare(self):
        self.client.get("/__bench__/bare", name="max · bare view")


class LookupMax(FastHttpUser):
    wait_time = constant(0)
    fixed_count = 0

    @task
    def lookup(self):
        code, digits = random.choice(PLAN["lookups"])
        self.client.get(f"/api/v1/lookup?{urlencode({'code': code, 'digits': digits})}",
                        name="max · look-up API", headers={"X-Forwarded-For": _address()})


SCENARIO_CLASSES = (LookupVisitor, CatalogVisitor, Citizen, Specialist, DeskOfficer)
if each := os.environ.get("MOTCUA_LOAD_EACH"):
    for _cls in SCENARIO_CLASSES:
        _cls.fixed_count = int(each)
if FAST:
    for _cls in SCENARIO_CLASSES:
        _cls.wait_time = constant(0.1)
