"""changes.json against the previous build's jobs.json, and `openings notify` telling IndexNow and
Google's Indexing API, each tested against a real HTTP server on 127.0.0.1 that records what it
receives. The service account's key is generated here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from openings.commands import notifying
from openings.core.logtext import loggable
from openings.core.problems import BuildFailed
from openings.outputs import indexingapi, notify
from recorder import Recorder
from sitebuild import SITEURL, VALID_POSTING
from workflow_commands import commands

KEY = "3f2b8c1e-5d7a-4e9b-8c2d-1a6f0e4b7c9d"
DESIGNER = VALID_POSTING.replace("title: Backend Developer", "title: Product Designer")
DESIGNER = DESIGNER.replace("department: Engineering", "department: Product & Design")
DESIGNER = DESIGNER.replace("ENG-1", "DES-1")
ANALYST = VALID_POSTING.replace("title: Backend Developer", "title: Data Analyst")
ANALYST = ANALYST.replace("department: Engineering", "department: Data").replace("ENG-1", "DAT-1")


@pytest.fixture
def server():
    recorder = Recorder().start()
    yield recorder
    recorder.stop()


@pytest.fixture
def previous(site, tmp_path):
    """The live site's jobs.json: backend developer and product designer."""
    site.posting("backend-developer.md", VALID_POSTING)
    site.posting("product-designer.md", DESIGNER)
    site.build()
    saved = tmp_path / "previous-jobs.json"
    shutil.copy(site.output / "jobs.json", saved)
    return saved


def change_the_content(site):
    """Edit one posting, close one (its file removed), add one."""
    site.posting("backend-developer.md", VALID_POSTING.replace("You will help.", "You will lead."))
    (site.content / "jobs" / "product-designer.md").unlink()
    site.posting("data-analyst.md", ANALYST)


def ids(changes, kind):
    return [job["id"] for job in changes[kind]]


def test_changes_since_the_previous_jobs_json(site, previous):
    change_the_content(site)
    site.build(JOBPOSTING_PREVIOUS_JOBS_JSON=str(previous))
    changes = json.loads((site.output / "changes.json").read_text())
    assert ids(changes, "added") == ["data-analyst"]
    assert ids(changes, "updated") == ["backend-developer"]
    assert ids(changes, "closed") == ["product-designer"]
    assert changes["closed"][0]["url"] == f"{SITEURL}/jobs/product-designer/"
    assert changes["baseline"]["found"] is True
    assert changes["pages"] == [
        f"{SITEURL}/",
        f"{SITEURL}/departments/data/",
        f"{SITEURL}/departments/engineering/",
        f"{SITEURL}/departments/product-design/",
    ]


def test_an_unchanged_build_has_no_changes(site, previous):
    site.build(JOBPOSTING_PREVIOUS_JOBS_JSON=str(previous))
    changes = json.loads((site.output / "changes.json").read_text())
    assert changes["added"] == changes["updated"] == changes["closed"] == changes["pages"] == []


def test_previous_jobs_json_from_the_live_site(site, previous, server):
    server.answers[("GET", "/jobs.json")] = (200, previous.read_bytes())
    change_the_content(site)
    site.build(JOBPOSTING_PREVIOUS_JOBS_JSON=f"{server.url}/jobs.json")
    changes = json.loads((site.output / "changes.json").read_text())
    assert [r.path for r in server.requests] == ["/jobs.json"]
    assert (ids(changes, "added"), ids(changes, "updated"), ids(changes, "closed")) == (
        ["data-analyst"],
        ["backend-developer"],
        ["product-designer"],
    )


def test_first_publish_everything_is_new(site, server):
    site.posting("backend-developer.md", VALID_POSTING)
    site.build(JOBPOSTING_PREVIOUS_JOBS_JSON=f"{server.url}/jobs.json")  # the server says 404
    changes = json.loads((site.output / "changes.json").read_text())
    assert changes["baseline"]["found"] is False
    assert ids(changes, "added") == ["backend-developer"]


def test_an_unreachable_live_site_does_not_stop_publishing(site, server, capfd):
    site.posting("backend-developer.md", VALID_POSTING)
    server.answers[("GET", "/jobs.json")] = (500, b"")
    site.build(JOBPOSTING_PREVIOUS_JOBS_JSON=f"{server.url}/jobs.json")
    changes = json.loads((site.output / "changes.json").read_text())
    assert "HTTP 500" in changes["baseline"]["error"]
    assert changes["added"] == []  # no guessing without a baseline
    assert (site.output / "sitemap.xml").exists()


# --- notify -------------------------------------------------------------------------------------


def service_account(token_uri: str) -> tuple[str, object]:
    """A service account's JSON key, made here: (the secret's text, the public key)."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    info = {
        "type": "service_account",
        "project_id": "careers-test",
        "private_key_id": "k1",
        "private_key": pem,
        "client_email": "notify@careers-test.iam.gserviceaccount.com",
        "token_uri": token_uri,
    }
    return json.dumps(info), private.public_key()


def settings_file(tmp_path, server, **extra) -> str:
    values = {
        "SITEURL": SITEURL,
        "JOBPOSTING_INDEXNOW_KEY": KEY,
        "JOBPOSTING_INDEXNOW_ENDPOINT": f"{server.url}/indexnow",
        "JOBPOSTING_INDEXING_API_SECRET_ENV": "TEST_INDEXING_SECRET",
        "JOBPOSTING_INDEXING_API_ENDPOINT": f"{server.url}/v3/urlNotifications:publish",
    }
    values.update(extra)
    path = tmp_path / "notifyconf.py"
    path.write_text("".join(f"{k} = {v!r}\n" for k, v in values.items()))
    return str(path)


@pytest.fixture
def changed_site(site, previous):
    change_the_content(site)
    site.build(JOBPOSTING_PREVIOUS_JOBS_JSON=str(previous), JOBPOSTING_INDEXNOW_KEY=KEY)
    return site


def test_notify_sends_indexnow_and_indexing_api(
    changed_site, server, tmp_path, monkeypatch, capsys
):
    secret, public_key = service_account(f"{server.url}/token")
    monkeypatch.setenv("TEST_INDEXING_SECRET", secret)
    server.answers[("POST", "/indexnow")] = (202, b"")
    server.answers[("POST", "/token")] = (200, b'{"access_token": "tok-1", "expires_in": 3600}')
    server.answers[("POST", "/v3/urlNotifications:publish")] = (200, b"{}")
    # the build wrote the key file IndexNow checks
    assert (changed_site.output / f"{KEY}.txt").read_text() == KEY

    status = notifying.main(
        ["--output", str(changed_site.output), "--settings", settings_file(tmp_path, server)]
    )
    assert status == 0, capsys.readouterr()

    [ping] = server.to("POST", "/indexnow")
    assert ping.headers["Content-Type"].startswith("application/json")
    body = ping.json()
    assert body["host"] == "careers.example"
    assert body["key"] == KEY
    assert body["keyLocation"] == f"{SITEURL}/{KEY}.txt"
    assert body["urlList"] == sorted(
        [
            f"{SITEURL}/",
            f"{SITEURL}/departments/data/",
            f"{SITEURL}/departments/engineering/",
            f"{SITEURL}/departments/product-design/",
            f"{SITEURL}/jobs/backend-developer/",
            f"{SITEURL}/jobs/data-analyst/",
            f"{SITEURL}/jobs/product-designer/",
        ]
    )

    [token] = server.to("POST", "/token")
    form = dict(pair.split("=", 1) for pair in token.body.decode().split("&"))
    assert form["grant_type"] == "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
    claims = jwt.decode(
        form["assertion"], public_key, algorithms=["RS256"], audience=f"{server.url}/token"
    )
    assert claims["iss"] == "notify@careers-test.iam.gserviceaccount.com"
    assert claims["scope"] == "https://www.googleapis.com/auth/indexing"
    assert claims["exp"] - claims["iat"] == 3600
    assert jwt.get_unverified_header(form["assertion"])["kid"] == "k1"

    published = server.to("POST", "/v3/urlNotifications:publish")
    assert all(r.headers["Authorization"] == "Bearer tok-1" for r in published)
    assert sorted((r.json()["type"], r.json()["url"]) for r in published) == [
        ("URL_DELETED", f"{SITEURL}/jobs/product-designer/"),
        ("URL_UPDATED", f"{SITEURL}/jobs/backend-developer/"),
        ("URL_UPDATED", f"{SITEURL}/jobs/data-analyst/"),
    ]  # job pages only: the Indexing API is for JobPosting pages
    out = capsys.readouterr().out
    assert "IndexNow: sent 7 URLs" in out
    assert "Indexing API: sent 3 of 3" in out


QUOTA_USED_UP = (
    b'{"error": {"code": 429, "message": "Quota exceeded for quota metric \'Publish requests\' '
    b"and limit 'Publish requests per day' of service 'indexing.googleapis.com'\", "
    b'"status": "RESOURCE_EXHAUSTED"}}'
)


def notify_indexing_api(site, server, tmp_path, monkeypatch, capsys, answers) -> tuple[int, str]:
    """`openings notify` with the Indexing API only, the publish endpoint giving `answers` in turn
    (the recorder's list); its exit status and what it printed."""
    secret, _ = service_account(f"{server.url}/token")
    monkeypatch.setenv("TEST_INDEXING_SECRET", secret)
    monkeypatch.setattr(indexingapi, "MINUTE_QUOTA_WAIT_SECONDS", 0)
    server.answers[("POST", "/token")] = (200, b'{"access_token": "tok-1", "expires_in": 3600}')
    server.answers[("POST", "/v3/urlNotifications:publish")] = answers
    conf = settings_file(tmp_path, server, JOBPOSTING_INDEXNOW_KEY=None)
    status = notifying.main(["--output", str(site.output), "--settings", conf])
    return status, capsys.readouterr().out


def test_once_googles_daily_quota_is_used_up_nothing_more_is_sent(
    changed_site, server, tmp_path, monkeypatch, capsys
):
    status, out = notify_indexing_api(
        changed_site, server, tmp_path, monkeypatch, capsys, [(200, b"{}"), (429, QUOTA_USED_UP)]
    )
    assert status == 0, out  # a limit of Google's, said plainly, is not a failed deployment
    published = [r.json() for r in server.to("POST", "/v3/urlNotifications:publish")]
    # the closed posting went first, then the added one; after the refusal, nothing more
    assert [(p["type"], p["url"]) for p in published] == [
        ("URL_DELETED", f"{SITEURL}/jobs/product-designer/"),
        ("URL_UPDATED", f"{SITEURL}/jobs/data-analyst/"),
    ]
    assert "Indexing API: warning: Google's quota for this project is used up (HTTP 429: " in out
    assert "2 of 3 notifications were not sent (2 added or updated)" in out
    assert "through the sitemap" in out and indexingapi.INDEXING_QUOTA_PAGE in out
    assert "Indexing API: sent 1 of 3 notifications" in out


def test_a_closed_posting_left_unsent_by_the_quota_fails_the_command(
    changed_site, server, tmp_path, monkeypatch, capsys
):
    status, out = notify_indexing_api(
        changed_site, server, tmp_path, monkeypatch, capsys, (429, QUOTA_USED_UP)
    )
    assert status == 1, out  # no later run sends it again: someone must know
    assert len(server.to("POST", "/v3/urlNotifications:publish")) == 1
    assert "3 of 3 notifications were not sent (1 closed, 2 added or updated)" in out
    assert "A closed posting leaves Google's job search only when Google next crawls" in out
    assert "Indexing API: sent 0 of 3 notifications" in out


def test_a_refusal_for_the_minutes_quota_is_waited_out_once(
    changed_site, server, tmp_path, monkeypatch, capsys
):
    per_minute = QUOTA_USED_UP.replace(b"per day", b"per minute")
    answers = [(200, b"{}"), (429, per_minute), (200, b"{}")]
    status, out = notify_indexing_api(changed_site, server, tmp_path, monkeypatch, capsys, answers)
    assert status == 0, out
    published = [r.json()["url"] for r in server.to("POST", "/v3/urlNotifications:publish")]
    assert published == [
        f"{SITEURL}/jobs/product-designer/",
        f"{SITEURL}/jobs/data-analyst/",
        f"{SITEURL}/jobs/data-analyst/",  # sent again after the wait
        f"{SITEURL}/jobs/backend-developer/",
    ]
    assert "Indexing API: sent 3 of 3 notifications" in out


def test_a_refusal_for_the_minutes_quota_that_stays_fails_the_command(
    changed_site, server, tmp_path, monkeypatch, capsys
):
    per_minute = QUOTA_USED_UP.replace(b"per day", b"per minute")
    status, out = notify_indexing_api(
        changed_site, server, tmp_path, monkeypatch, capsys, [(200, b"{}"), (429, per_minute)]
    )
    assert status == 1, out
    assert len(server.to("POST", "/v3/urlNotifications:publish")) == 3  # the second one twice
    assert "Indexing API: Google refused more (HTTP 429: " in out
    assert "2 of 3 notifications were not sent (2 added or updated)" in out
    assert "quota for this project is used up" not in out


def test_each_service_is_off_unless_configured(changed_site, server, tmp_path, capsys):
    conf = settings_file(
        tmp_path, server, JOBPOSTING_INDEXNOW_KEY=None, JOBPOSTING_INDEXING_API_SECRET_ENV=None
    )
    assert notifying.main(["--output", str(changed_site.output), "--settings", conf]) == 0
    assert server.requests == []
    out = capsys.readouterr().out
    assert "IndexNow: off" in out and "Indexing API: off" in out


def test_a_missing_secret_skips_the_indexing_api(
    changed_site, server, tmp_path, monkeypatch, capsys
):
    monkeypatch.delenv("TEST_INDEXING_SECRET", raising=False)
    server.answers[("POST", "/indexnow")] = (200, b"")
    conf = settings_file(tmp_path, server)
    assert notifying.main(["--output", str(changed_site.output), "--settings", conf]) == 0
    assert server.to("POST", "/token") == []
    assert "TEST_INDEXING_SECRET is empty" in capsys.readouterr().out


def test_a_refusal_is_reported_with_a_failing_status(changed_site, server, tmp_path, capsys):
    server.answers[("POST", "/indexnow")] = (403, b"key not valid")
    conf = settings_file(tmp_path, server, JOBPOSTING_INDEXING_API_SECRET_ENV=None)
    assert notifying.main(["--output", str(changed_site.output), "--settings", conf]) == 1
    assert "IndexNow refused 7 URLs: HTTP 403: key not valid" in capsys.readouterr().out


def test_a_broken_secret_is_a_clear_message(changed_site, server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TEST_INDEXING_SECRET", "{not json")
    conf = settings_file(tmp_path, server, JOBPOSTING_INDEXNOW_KEY=None)
    assert notifying.main(["--output", str(changed_site.output), "--settings", conf]) == 2
    err = capsys.readouterr().err
    assert "TEST_INDEXING_SECRET is not a service account's JSON key" in err
    assert "Traceback" not in err
    assert server.requests == []


def test_notify_before_a_build_says_what_to_do(tmp_path, server, capsys):
    conf = settings_file(tmp_path, server)
    assert notifying.main(["--output", str(tmp_path / "nothing"), "--settings", conf]) == 2
    assert "build the site first" in capsys.readouterr().err


def test_nothing_to_announce_without_a_baseline(site, server, tmp_path, capsys):
    site.posting("backend-developer.md", VALID_POSTING)
    site.build()  # no JOBPOSTING_PREVIOUS_JOBS_JSON
    assert (
        notifying.main(
            ["--output", str(site.output), "--settings", settings_file(tmp_path, server)]
        )
        == 0
    )
    assert server.requests == []
    assert "nothing to announce" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("JOBPOSTING_INDEXNOW_KEY", "short", "JOBPOSTING_INDEXNOW_KEY must be 8 to 128"),
        ("SITEURL", "", "the sitemap, feeds and JSON-LD need the site's full address"),
    ],
)
def test_settings_crawlers_cannot_use_stop_the_build(site, capfd, setting, value, message):
    site.posting("backend-developer.md", VALID_POSTING)
    with pytest.raises(BuildFailed):
        site.build(**{setting: value})
    assert message in capfd.readouterr().err
    assert not (site.output / "sitemap.xml").exists()


# --- only the site's own URLs ---------------------------------------------------------------------

FOREIGN = [
    "https://victim.example/jobs/someone-elses/",
    "https://careers.example.evil.example/jobs/x/",
    "https://careers.example@evil.example/jobs/x/",
    "http://careers.example/jobs/plain-http/",
    "https://careers.example/jobs/../../elsewhere/",
    "https://careers.example/jobs/%2e%2e/%2E%2E/elsewhere/",
    "https://careers.example\\@evil.example/",
    "https://careers.example/jobs/x/\n::error::injected",
    "careers.example/jobs/relative/",
]


def tamper(site, entries: list[str]) -> None:
    """changes.json as someone with write access to the build could leave it."""
    path = site.output / "changes.json"
    changes = json.loads(path.read_text())
    for kind in ("added", "updated", "closed"):
        changes[kind] += [{"id": f"{kind}-{n}", "url": url} for n, url in enumerate(entries)]
    changes["pages"] += entries
    path.write_text(json.dumps(changes))


def everything_sent(server) -> list[str]:
    sent = []
    for request in server.to("POST", "/indexnow"):
        sent += request.json()["urlList"]
    sent += [r.json()["url"] for r in server.to("POST", "/v3/urlNotifications:publish")]
    return sent


def test_a_foreign_url_is_never_sent(changed_site, server, tmp_path, monkeypatch, capsys):
    secret, _ = service_account(f"{server.url}/token")
    monkeypatch.setenv("TEST_INDEXING_SECRET", secret)
    server.answers[("POST", "/indexnow")] = (202, b"")
    server.answers[("POST", "/token")] = (200, b'{"access_token": "tok-1"}')
    server.answers[("POST", "/v3/urlNotifications:publish")] = (200, b"{}")
    tamper(changed_site, FOREIGN)
    conf = settings_file(tmp_path, server)
    assert notifying.main(["--output", str(changed_site.output), "--settings", conf]) == 0
    sent = everything_sent(server)
    assert sent and all(url.startswith(f"{SITEURL}/") for url in sent)
    assert not set(sent) & set(FOREIGN)
    assert len(server.to("POST", "/v3/urlNotifications:publish")) == 3  # the build's own three
    out = capsys.readouterr().out
    for url in FOREIGN:
        assert f"notify: warning: {loggable(url)} is not under SITEURL" in out
    assert commands(out) == []


def test_a_project_site_sends_nothing_of_its_neighbours(site, server, tmp_path, capsys):
    # every project site of one owner shares the owner's github.io host
    project = "https://hr.example.github.io/careers"
    site.posting("backend-developer.md", VALID_POSTING)
    site.build(SITEURL=project, JOBPOSTING_PREVIOUS_JOBS_JSON=f"{server.url}/jobs.json")
    neighbours = [
        "https://hr.example.github.io/other-project/jobs/x/",
        "https://hr.example.github.io/careers-old/jobs/x/",
        "https://hr.example.github.io/",
    ]
    tamper(site, neighbours)
    server.answers[("POST", "/indexnow")] = (202, b"")
    conf = settings_file(tmp_path, server, SITEURL=project, JOBPOSTING_INDEXING_API_SECRET_ENV=None)
    assert notifying.main(["--output", str(site.output), "--settings", conf]) == 0
    [ping] = server.to("POST", "/indexnow")
    assert ping.json()["urlList"] == [f"{project}/", f"{project}/departments/engineering/", f"{project}/jobs/backend-developer/"]  # fmt: skip
    assert ping.json()["keyLocation"] == f"{project}/{KEY}.txt"


def test_a_dry_run_lists_only_the_sites_urls(changed_site, server, tmp_path, capsys):
    tamper(changed_site, FOREIGN[:1])
    conf = settings_file(tmp_path, server)
    assert (
        notifying.main(["--output", str(changed_site.output), "--settings", conf, "--dry-run"]) == 0
    )
    out = capsys.readouterr().out
    assert f"  added: {SITEURL}/jobs/data-analyst/" in out
    assert f"  added: {FOREIGN[0]}" not in out and "is not under SITEURL" in out
    assert server.requests == []


def test_notify_without_a_site_address_sends_nothing(changed_site, server, tmp_path, capsys):
    conf = settings_file(tmp_path, server, SITEURL="")
    assert notifying.main(["--output", str(changed_site.output), "--settings", conf]) == 2
    assert "SITEURL is not set" in capsys.readouterr().err
    assert server.requests == []


def test_make_notify_imports_only_the_standard_library_and_pyjwt(changed_site, server, tmp_path):
    """What the CI job that holds the secret installs (scripts/notify-deployed.sh): PyJWT and its
    cryptography, nothing else; `make notify` runs `python -m openings.commands.notifying`."""
    secret, _ = service_account(f"{server.url}/token")
    server.answers[("POST", "/indexnow")] = (202, b"")
    server.answers[("POST", "/token")] = (200, b'{"access_token": "tok-1"}')
    server.answers[("POST", "/v3/urlNotifications:publish")] = (200, b"{}")
    conf = settings_file(tmp_path, server)
    code = (
        "import json, runpy, sys\n"
        f"sys.argv = ['notify', '--output', {str(changed_site.output)!r}, '--settings', {conf!r}]\n"
        "try:\n    runpy.run_module('openings.commands.notifying', run_name='__main__')\n"
        "except SystemExit as end:\n    status = end.code\n"
        "print(json.dumps([status, sorted(sys.modules)]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120,
        env={**os.environ, "TEST_INDEXING_SECRET": secret},
    )  # fmt: skip
    status, modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0, done.stdout + done.stderr
    assert len(server.to("POST", "/v3/urlNotifications:publish")) == 3
    outside = {m.split(".")[0] for m in modules} - set(sys.stdlib_module_names)
    allowed = {"openings", "jwt", "cryptography", "_cffi_backend", "cffi", "pycparser"}
    allowed |= {"_openssl", "_rust"}  # cryptography's compiled parts
    allowed |= {"__main__", "_distutils_hack"}  # the script itself; setuptools' hook in a venv
    assert outside - allowed == set(), "notify imported more than the job installs"


def test_notify_reads_the_file_the_build_writes():
    from openings.outputs import changes

    assert notify.CHANGES_PATH == changes.PATH


def test_notify_reads_publishconf_as_pelican_does(monkeypatch):
    from pelican.settings import read_settings
    from sitebuild import ROOT

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SITEURL", "https://hr.example.github.io/careers/")
    monkeypatch.setenv("INDEXNOW_KEY", KEY)
    mine = notify.load_settings("publishconf.py")
    pelicans = read_settings("publishconf.py")
    for name in ("SITEURL", "JOBPOSTING_INDEXNOW_KEY", "JOBPOSTING_INDEXING_API_SECRET_ENV"):
        assert mine[name] == pelicans[name]
    assert mine["PLUGINS"] == [
        "pelican.plugins.jobposting"
    ]  # from pelicanconf.py, which publishconf.py imports
    monkeypatch.delenv("SITEURL")
    with pytest.raises(notify.NotifyError, match="SITEURL is not set"):
        notify.load_settings("publishconf.py")
