"""The GitHub Actions workflows, checked here because Actions cannot run on a developer's machine.

Three outside checkers (structure, security, shell) plus the project's own rules: every action
pinned by commit, no `${{ }}` inside `run:`, steps that only call Make targets, and every one of
those targets known to the Makefile and covered by a test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sitebuild import share_venv

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
# The tools come from the same virtual environment as pytest, whatever PATH says.
VENV_BIN = Path(sys.executable).parent

# Every Make target a workflow runs, and the test file that exercises what it does. A workflow
# step is only glue, so the behaviour behind it must be tested like any other code.
# `test` is the suite itself, so any test file covers it.
TARGET_TESTS = {
    "lint": "tests/test_workflows.py",  # test_lint_is_clean below runs what `make lint` runs
    "validate": "tests/test_cli.py",
    "test": "tests/test_workflows.py",
    "publish": "tests/test_build.py",
    "summary": "tests/test_summary.py",
    "preview": "tests/browser/test_preview.py",
    "notify": "tests/crawlers/test_crawl_notify.py",
}

SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<ref>\S+)\s*(?P<comment>#.*)?$")
VERSION_COMMENT = re.compile(r"^#\s*v\d+\.\d+\.\d+\s*$")
MAKE_CALL = re.compile(r"(?:^|[;&|(]\s*|\s)make\s+(?P<args>[^;&|)<>\n]*)")
SCRIPT_CALL = re.compile(r"(?:^|\s)(?P<path>(?:scripts|\.ci)/[\w./-]+)")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True; give it its name back.
    if True in data:
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict:
    return load(GITHUB / "workflows" / name)


def steps(wf: dict):
    for job_id, job in wf["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def all_steps():
    for path in WORKFLOWS:
        for job_id, step in steps(load(path)):
            yield path.name, job_id, step


def step_using(wf: dict, action: str) -> dict:
    found = [s for _, s in steps(wf) if s.get("uses", "").startswith(action + "@")]
    assert len(found) == 1, f"expected one step using {action}, found {len(found)}"
    return found[0]


def shell_scripts() -> list[Path]:
    candidates = [*sorted((ROOT / "scripts").iterdir()), ROOT / ".ci" / "run", ROOT / "openings"]
    return [
        p
        for p in candidates
        if p.is_file() and re.match(r"#!.*\b(ba)?sh\b", p.read_text(encoding="utf-8"))
    ]


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml", "keepalive.yml"}


# --- outside checkers -----------------------------------------------------------------------


def test_workflows_match_githubs_schema():
    result = run(
        VENV_BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_matches_its_schema():
    result = run(
        VENV_BIN / "check-jsonschema",
        "--builtin-schema",
        "vendor.dependabot",
        GITHUB / "dependabot.yml",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    # As strict as zizmor gets, so that "no findings" means no findings:
    #   --persona=auditor         every audit, including pedantic ones and findings that might be
    #                             false positives (the default persona hides those);
    #   --min-severity/--min-confidence  keep informational and low-confidence findings;
    #   --no-config --no-ignores  no zizmor.yml and no `# zizmor: ignore` comment can hide one;
    #   --strict-collection       a file zizmor cannot parse is an error, not a warning;
    #   --collect=all             workflows and dependabot.yml alike.
    # --offline because tests make no network calls; the online audits (impostor commits,
    # known-vulnerable actions, stale refs) need GitHub's API and are Dependabot's job here.
    result = run(
        VENV_BIN / "zizmor",
        "--offline",
        "--persona=auditor",
        "--min-severity=informational",
        "--min-confidence=low",
        "--no-config",
        "--no-ignores",
        "--strict-collection",
        "--collect=all",
        "--format=json",
        ".github/",
    )
    findings = json.loads(result.stdout or "[]")
    assert result.returncode == 0 and findings == [], (
        "zizmor reports:\n"
        + "\n".join(f"- {f['ident']}: {f['desc']}" for f in findings)
        + result.stderr
    )


def test_shellcheck_finds_nothing():
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        message = "shellcheck is not installed: run `make system-deps`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Every severity down to style; --norc so no local .shellcheckrc can switch a check off.
    result = run(shellcheck, "--norc", "--severity=style", "--external-sources", *shell_scripts())
    assert result.returncode == 0, result.stdout + result.stderr


def test_scripts_are_executable_and_strict():
    for script in shell_scripts():
        assert os.access(script, os.X_OK), f"{script.relative_to(ROOT)} is not executable"
        assert "set -euo pipefail" in script.read_text(encoding="utf-8"), (
            f"{script.relative_to(ROOT)} must `set -euo pipefail`"
        )


def test_lint_is_clean():
    # What `make lint` runs.
    for args in (("check", "."), ("format", "--check", ".")):
        result = run(VENV_BIN / "ruff", *args)
        assert result.returncode == 0, result.stdout + result.stderr


# --- pinning and injection ------------------------------------------------------------------


def test_every_action_is_pinned_by_commit_with_its_version():
    seen: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = USES_LINE.match(line)
            if not match or match["ref"].startswith("./"):
                continue
            ref, comment = match["ref"], match["comment"] or ""
            assert SHA_PIN.match(ref), f"{path.name}: {ref} is not pinned to a full commit SHA"
            assert VERSION_COMMENT.match(comment), (
                f"{path.name}: {ref} needs its version in a comment, like `# v1.2.3`"
            )
            seen.setdefault(ref.split("@")[0], set()).add(f"{ref} {comment}")
    # The same action at the same commit everywhere, so one Dependabot update moves all of them.
    for action, pins in seen.items():
        assert len(pins) == 1, f"{action} is pinned differently: {sorted(pins)}"
    # Every `uses:` that YAML sees was checked above (none hides in a flow mapping).
    uses = {s["uses"] for _, _, s in all_steps() if "uses" in s}
    assert uses == {p.split()[0] for pins in seen.values() for p in pins}


def test_no_expression_inside_run():
    for name, job_id, step in all_steps():
        if "run" in step:
            assert "${{" not in step["run"], (
                f"{name} {job_id} {step.get('name')}: pass ${{{{ }}}} values through env:"
            )


def test_run_steps_are_one_line():
    for name, job_id, step in all_steps():
        if "run" in step:
            assert "\n" not in step["run"].strip(), (
                f"{name} {job_id} {step.get('name')}: move the shell code into scripts/"
            )


def test_checkout_never_keeps_the_token():
    checkouts = [
        (n, s) for n, _, s in all_steps() if s.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    for name, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, name


# --- ci.yml ---------------------------------------------------------------------------------


def test_ci_triggers_permissions_and_concurrency():
    wf = workflow("ci.yml")
    assert "pull_request" in wf["on"]
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"] == {"contents": "read"}
    assert "github.ref" in wf["concurrency"]["group"]
    assert wf["concurrency"]["cancel-in-progress"] is True
    assert all("permissions" not in job for job in wf["jobs"].values())


def test_ci_checks_the_postings_first_then_previews_then_tests():
    wf = workflow("ci.yml")
    (job,) = wf["jobs"].values()
    order = [s.get("id") or s.get("run") or s["uses"].split("@")[0] for s in job["steps"]]
    assert order[:2] == ["actions/checkout", "actions/setup-python"]
    assert order[2:5] == ["postings", "preview", "actions/upload-artifact"]
    assert order.index("make lint") > order.index("preview")
    assert order.index("make test") > order.index("preview")
    assert order[-1] == "scripts/ci-summary.sh"
    steps_by = {s.get("id") or s.get("run"): s for s in job["steps"]}
    assert steps_by["postings"]["run"] == "scripts/check-postings.sh"
    assert steps_by["preview"]["run"] == "make preview"
    for name in ("postings", "preview", "scripts/ci-summary.sh"):
        assert "BASE_SHA" in steps_by[name]["env"]
    # a posting's mistake stops the preview, never the code's checks or the summary
    for name in ("make lint", "make test", "make publish", "scripts/ci-summary.sh"):
        assert steps_by[name]["if"] == "${{ !cancelled() }}", name
    summary_env = steps_by["scripts/ci-summary.sh"]["env"]
    assert summary_env["PREVIEW_OUTCOME"] == "${{ steps.preview.outcome }}"
    assert summary_env["POSTINGS_OUTCOME"] == "${{ steps.postings.outcome }}"
    assert step_using(wf, "actions/checkout")["with"]["fetch-depth"] == 0
    assert step_using(wf, "actions/setup-python")["with"]["python-version"] == "3.11"
    assert steps_by["make publish"]["env"]["SITEURL"].startswith("https://")
    upload = step_using(wf, "actions/upload-artifact")
    assert upload["if"] == "${{ steps.preview.outcome == 'success' }}"
    assert upload["with"]["name"] == "site-preview"
    assert upload["with"]["path"].rstrip("/") == "preview"


def test_check_postings_uses_the_publish_rules_on_the_changed_files():
    text = (ROOT / "scripts" / "check-postings.sh").read_text(encoding="utf-8")
    assert re.search(
        r'^\./openings validate --strict --format github "\$\{files\[@\]\}"$', text, re.M
    )
    assert "--diff-filter=d" in text  # a deleted posting is not checked


def git_site(tmp_path: Path) -> Path:
    """A repository with the sample site committed on main, as CI checks it out."""
    site = tmp_path / "site"
    for name in ("content", "scripts", "plugins"):
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("openings", "Makefile", "pelicanconf.py", "publishconf.py", "pyproject.toml",
                 "constraints.txt"):  # fmt: skip
        shutil.copy2(ROOT / name, site / name)
    share_venv(site)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "x"]):  # fmt: skip
        subprocess.run(["git", *args], cwd=site, check=True, capture_output=True)
    return site


def test_check_postings_annotates_a_changed_posting_that_fails_the_publish_rules(tmp_path):
    site = git_site(tmp_path)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=site, capture_output=True,
                          text=True, check=True).stdout.strip()  # fmt: skip
    posting = site / "content" / "jobs" / "backend-developer.md"
    posting.write_text(
        posting.read_text(encoding="utf-8").replace("req_id: ENG-101\n", ""), encoding="utf-8"
    )
    env = {**os.environ, "BASE_SHA": base, "SOURCE_DATE_EPOCH": "1795867200"}
    result = subprocess.run([site / "scripts" / "check-postings.sh"], cwd=site, env=env,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "::error file=content/jobs/backend-developer.md" in result.stdout
    assert "title=req_id::" in result.stdout
    assert "1 file:" in result.stdout  # only the changed posting


def test_the_summary_says_plainly_when_no_preview_was_made(tmp_path):
    site = git_site(tmp_path)
    out = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(out), "POSTINGS_OUTCOME": "failure",
           "PREVIEW_OUTCOME": "skipped", "SOURCE_DATE_EPOCH": "1795867200"}  # fmt: skip
    env.pop("BASE_SHA", None)
    subprocess.run([site / "scripts" / "ci-summary.sh"], cwd=site, env=env, check=True,
                   capture_output=True)  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert "**No preview was made**: the changed postings do not pass the publish rules" in text
    assert "site-preview" not in text
    env["POSTINGS_OUTCOME"], env["PREVIEW_OUTCOME"] = "success", "success"
    out.unlink()
    subprocess.run([site / "scripts" / "ci-summary.sh"], cwd=site, env=env, check=True,
                   capture_output=True)  # fmt: skip
    assert "download the `site-preview` artifact" in out.read_text(encoding="utf-8")


def test_summary_script_writes_to_the_step_summary():
    text = (ROOT / "scripts" / "ci-summary.sh").read_text(encoding="utf-8")
    assert 'exec >>"$GITHUB_STEP_SUMMARY"' in text
    assert re.search(r'^make -s .*summary BASE="\$base"$', text, re.MULTILINE)


# --- pages.yml ------------------------------------------------------------------------------


def test_pages_triggers():
    on = workflow("pages.yml")["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    (cron,) = (entry["cron"] for entry in on["schedule"])
    minute, _hour, *every_day = cron.split()
    assert every_day == ["*", "*", "*"], "publish once a day"
    assert minute not in {"0", "00", "*"}, "off the top of the hour"
    text = " ".join((GITHUB / "workflows" / "pages.yml").read_text(encoding="utf-8").split())
    assert "expired postings" in text.replace("# ", ""), "say why the schedule is there"


def test_pages_concurrency_never_cancels_a_deployment():
    assert workflow("pages.yml")["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_pages_permissions_are_split_by_job():
    wf = workflow("pages.yml")
    assert wf.get("permissions") in (None, {})
    # configure-pages reads the Pages site (GET /repos/{owner}/{repo}/pages): pages: read
    assert wf["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    deploy = wf["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert step_using(wf, "actions/deploy-pages")["id"] == "deployment"


def test_pages_builds_for_the_pages_address_from_the_last_build_only():
    wf = workflow("pages.yml")
    build = [s for job, s in steps(wf) if job == "build"]
    order = [s.get("id") or s.get("run") or s["uses"].split("@")[0] for s in build]
    check = "make validate STRICT=1 FORMAT=github"
    publish_run = "make publish BUILD_CACHE=.build-cache"
    assert order.index("pages") < order.index(check) < order.index(publish_run)
    # the daily rebuild publishes when the postings pass and the site builds: no test suite
    assert not any("make test" in str(s.get("run", "")) for s in build)
    publish = next(s for s in build if s.get("run") == publish_run)
    assert publish["env"]["SITEURL"] == "${{ steps.pages.outputs.base_url }}"
    assert step_using(wf, "actions/upload-pages-artifact")["with"]["path"].rstrip("/") == "output"
    # no dependency cache: the packages come from a clean install, and the build cache's key
    # holds their versions (keptstate.py)
    for setup_python in (s for s in build if s.get("uses", "").startswith("actions/setup-python")):
        assert "cache" not in setup_python.get("with", {})
    # the last build's site and cache, restored before the build and saved after it
    (kept,) = [s for s in build if s.get("uses", "").startswith("actions/cache")]
    assert order.index("actions/cache") < order.index(publish_run)
    assert kept["with"]["path"].split() == ["output", ".build-cache"]
    assert "${{ github.run_id }}" in kept["with"]["key"]  # a new entry for every build
    assert kept["with"]["key"].startswith(kept["with"]["restore-keys"])  # the newest is taken
    # pull requests neither read nor write it
    assert "BUILD_CACHE" not in (ROOT / ".github" / "workflows" / "ci.yml").read_text()


def test_notify_runs_after_deployment_only_when_enabled():
    wf = workflow("pages.yml")
    notify = wf["jobs"]["notify"]
    assert notify["needs"] == ["build", "deploy"]
    assert notify["if"] == "vars.NOTIFY_SEARCH_ENGINES == 'true'"
    # the job that holds the secret reads the repository and nothing else
    assert notify["permissions"] == {"contents": "read"}
    # the secret lives in its own environment, so only this job can read it
    assert notify["environment"]["name"] == "search-engines"
    last = notify["steps"][-1]
    assert last["run"] == "scripts/notify-deployed.sh"
    assert "GOOGLE_INDEXING_SERVICE_ACCOUNT" in last["env"]


def test_notify_announces_the_builds_own_changes_under_its_own_address():
    wf = workflow("pages.yml")
    build, notify = wf["jobs"]["build"], wf["jobs"]["notify"]
    # changes.json goes from the build job to the notify job as an artifact of this run
    upload = step_using(wf, "actions/upload-artifact")
    assert upload in build["steps"]
    assert upload["with"]["path"] == "output/changes.json"
    assert upload["with"]["if-no-files-found"] == "error"
    download = step_using(wf, "actions/download-artifact")
    assert download in notify["steps"]
    assert download["with"] == {"name": upload["with"]["name"], "path": "output/"}
    assert notify["steps"].index(download) < len(notify["steps"]) - 1
    # the address is the build's, handed over: no Pages call in the job that holds the secret
    assert build["outputs"]["siteurl"] == "${{ steps.pages.outputs.base_url }}"
    assert notify["steps"][-1]["env"]["SITEURL"] == "${{ needs.build.outputs.siteurl }}"
    assert not any("configure-pages" in s.get("uses", "") for s in notify["steps"])


def test_notify_script_installs_only_what_notify_imports():
    text = (ROOT / "scripts" / "notify-deployed.sh").read_text(encoding="utf-8")
    code = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = " ".join(line.rstrip("\\") for line in code)
    # never the live site's list
    assert "curl" not in joined and "wget" not in joined and "changes.json" in joined
    # PyJWT at the pinned versions, as wheels; not the project's development set
    assert re.search(
        r"pip install .*--only-binary=:all:.*-c constraints\.txt\s+\"pyjwt\[crypto\]\"", joined
    )
    assert "[dev]" not in joined and "make install" not in joined
    # `make notify` without letting Make install the whole set first
    assert re.search(
        r"^PYTHONPATH=plugins make .*--old-file=\.venv/\.installed notify$", text, re.M
    )


# --- keepalive.yml --------------------------------------------------------------------------


def test_keepalive_re_enables_the_publish_workflow():
    wf = workflow("keepalive.yml")
    assert wf["on"]["schedule"] and "workflow_dispatch" in wf["on"]
    assert wf.get("permissions") in (None, {})
    (job,) = wf["jobs"].values()
    assert job["permissions"] == {"actions": "write"}
    assert job["env"]["GH_TOKEN"] == "${{ github.token }}"
    runs = [s.get("run", "") for s in job["steps"]]
    for name in ("pages.yml", "keepalive.yml"):
        assert any(
            r.startswith("gh api --method PUT") and f"/actions/workflows/{name}/enable" in r
            for r in runs
        ), f"keepalive.yml must re-enable {name}"


# --- Make targets ---------------------------------------------------------------------------


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set()
    for match in re.finditer(r"^([A-Za-z0-9_./$() -]+?)\s*:(?![=:])", text, re.MULTILINE):
        targets.update(t for t in match[1].split() if not t.startswith((".", "$")))
    return targets


def make_calls() -> set[tuple[str, str]]:
    """(where, target) for every `make` a workflow runs, directly or through a script."""
    calls = set()
    for name, _, step in all_steps():
        command = step.get("run", "")
        sources = [(name, command)]
        for script in SCRIPT_CALL.finditer(command):
            path = ROOT / script["path"]
            assert path.is_file(), f"{name} runs {script['path']}, which does not exist"
            sources.append((script["path"], path.read_text(encoding="utf-8")))
        for where, text in sources:
            for line in text.splitlines():
                if line.lstrip().startswith("#"):
                    continue
                for call in MAKE_CALL.finditer(line):
                    words = [w for w in call["args"].split() if not w.startswith("-")]
                    calls.update((where, w) for w in words if "=" not in w)
    return calls


def test_workflows_call_make():
    assert {target for _, target in make_calls()} >= {"lint", "validate", "test", "publish"}


@pytest.mark.parametrize("where,target", sorted(make_calls()))
def test_make_target_exists(where, target):
    assert target in makefile_targets(), (
        f"{where} runs `make {target}`; the Makefile has no such target"
    )


@pytest.mark.parametrize("target", sorted({target for _, target in make_calls()}))
def test_make_target_is_covered_by_a_test(target):
    assert target in TARGET_TESTS, (
        f"a workflow runs `make {target}`: add it to TARGET_TESTS with the test that covers it"
    )
    test_file = ROOT / TARGET_TESTS[target]
    assert test_file.is_file(), (
        f"a workflow runs `make {target}`, which {TARGET_TESTS[target]} should test; "
        "that file does not exist yet"
    )
    assert target in test_file.read_text(encoding="utf-8"), (
        f"{TARGET_TESTS[target]} never mentions `{target}`: is it the test that covers it?"
    )
