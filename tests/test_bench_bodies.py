"""bench/run.py --body-sizes: one posting per shape and size, read and checked; no timing asserted."""

from __future__ import annotations

import json
import sys

import pytest
from openings.reading import limits, postingfile
from sitebuild import ROOT

sys.path.insert(0, str(ROOT))
from bench import bodies, run


@pytest.mark.parametrize("shape", bodies.UNITS)
def test_every_shape_is_as_deep_as_allowed_and_accepted(tmp_path, shape):
    path = tmp_path / "x.md"
    path.write_text(bodies.front_matter() + bodies.body(shape, 20_000), encoding="utf-8")
    _, problems, html = postingfile.read_posting(str(path), limits.Limits())
    assert [p for p in problems if p.is_error] == [] and html
    deeper = bodies.UNITS[shape].replace("> ", "> > ", 1).replace("<div>", "<div><div>", 1)
    if shape == "lists":
        deeper += "  " * 20 + "- one level deeper\n"
    path.write_text(bodies.front_matter() + deeper, encoding="utf-8")
    limited = [
        p
        for p in postingfile.read_posting(str(path), limits.Limits())[1]
        if p.rule.startswith("limit-")
    ]
    assert bool(limited) == (shape != "prose")


def test_the_mode_writes_figures_for_every_shape_and_size(tmp_path, capsys):
    results = tmp_path / "results.json"
    argv = ["--postings", "0", "--big", "0", "--validate-repeat", "0", "--body-sizes",
            "4000,2000", "--body-repeat", "1", "--work", str(tmp_path), "--results", str(results)]  # fmt: skip
    assert run.main(argv) == 0
    figures = json.loads(results.read_text(encoding="utf-8"))["bodies"]
    assert figures["sizes"] == [2000, 4000]
    assert set(figures["seconds"]) == set(bodies.UNITS)
    assert all(isinstance(figures["exponent"][shape], float) for shape in bodies.UNITS)
    assert "exponent" in capsys.readouterr().out


def test_sizes_must_be_numbers():
    with pytest.raises(SystemExit):
        run.parse_args(["--body-sizes", "big"])
