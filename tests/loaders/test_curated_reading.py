"""Reading a curated file is bounded: size cap, UTF-8 with the bad byte's line, nesting, YAML aliases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cli.up import default_dataset_paths
from loaders.curated import prepare_curated
from loaders.curated.bounded_yaml import MAX_DEPTH
from loaders.errors import InvalidInputError

from .conftest import DATA

MINI = DATA / "mini.yaml"
# The "billion laughs" (342 bytes here): nine levels of nine aliases, 10⁹ strings once expanded.
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)
# Run in a child whose address space is capped, so a regression fails the test, not the machine.
BOUNDED_CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from pathlib import Path
from loaders.curated import prepare_curated
from loaders.errors import InvalidInputError
try:
    prepare_curated(Path(sys.argv[1]))
    issues = []
except InvalidInputError as error:
    issues = [str(issue) for issue in error.issues]
# VmHWM, not ru_maxrss: that one keeps the peak of the forking (pytest) process across exec.
peak_kib = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"issues": issues, "peak_mib": peak_kib / 1024}))
"""


def _issues(path: Path) -> list[str]:
    with pytest.raises(InvalidInputError) as caught:
        prepare_curated(path)
    return [str(issue) for issue in caught.value.issues]


def test_a_latin1_byte_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    seed = default_dataset_paths()[0].read_bytes()
    bad_line = seed.count(b"\n") + 2  # the seed is 1,288 lines: the appended bad byte is deep in
    assert bad_line > 1000
    path = tmp_path / "latin1.yaml"
    path.write_bytes(seed + b"\n# Ar\xe9ha\n")
    assert _issues(path) == [
        f"{path}:{bad_line}: (file): not UTF-8: byte 0xE9 at column 5 (invalid continuation byte); "
        "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
    ]


def test_a_utf8_byte_order_mark_is_no_content(tmp_path: Path) -> None:
    as_yaml, as_json = tmp_path / "bom.yaml", tmp_path / "bom.json"
    as_yaml.write_bytes(b"\xef\xbb\xbf" + MINI.read_bytes())
    as_json.write_text("\ufeff" + json.dumps(yaml.safe_load(MINI.read_text()), default=str))
    expected = prepare_curated(MINI)
    assert prepare_curated(as_yaml) == expected
    assert prepare_curated(as_json) == expected


def test_a_file_over_the_size_cap_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CKG_CURATED_MAX_MB", "0.001")
    size = MINI.stat().st_size
    assert _issues(MINI) == [
        f"{MINI}:1: (file): file is {size:,} bytes; curated files are capped at 1,000 bytes "
        "(CKG_CURATED_MAX_MB=0.001)"
    ]
    monkeypatch.setenv("CKG_CURATED_MAX_MB", str(size / 1e6))
    assert prepare_curated(MINI).nodes  # exactly at the cap: read


def test_the_billion_laughs_is_refused_at_its_line_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(BILLION_LAUGHS)
    done = subprocess.run(
        [sys.executable, "-c", BOUNDED_CHILD, str(bomb)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    result = json.loads(done.stdout)
    # a..e expand to 74,718 nodes; f's first alias crosses 100,000.
    assert result["issues"] == [
        f"{bomb}:6: (file): aliases expand to more than 100,000 nodes (an alias bomb?): "
        "write the repeated values out"
    ]
    assert result["peak_mib"] < 300  # before the cap: 3.2 GB and counting


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("format: conflictkg/curated@1\nactors: &x\n  - *x\n")
    assert _issues(path) == [f"{path}:3: (file): alias *x is inside its anchor"]


def test_anchors_for_repeated_sources_still_load(tmp_path: Path) -> None:
    text = MINI.read_text()
    text = text.replace(
        "    sources: [src:polygraph]\n", "    sources: &article [src:polygraph]\n", 1
    )
    text = text.replace("    sources: [src:polygraph]\n", "    sources: *article\n")
    path = tmp_path / "anchors.yaml"
    path.write_text(text)
    assert "*article" in text
    assert prepare_curated(path) == prepare_curated(MINI)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_nesting_deeper_than_the_cap_is_refused_with_its_line(tmp_path: Path, suffix: str) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    path = tmp_path / f"deep{suffix}"
    path.write_text(f'{{\n"format": "conflictkg/curated@1",\n"events":\n{deep}\n}}\n')
    assert _issues(path) == [f"{path}:4: (file): nested more than {MAX_DEPTH} levels deep"]


def test_json_nesting_within_python_limits_but_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"format": "conflictkg/curated@1",\n"events": ' + "[" * 40 + "]" * 40 + "}")
    assert _issues(path) == [f"{path}:2: (file): nested more than {MAX_DEPTH} levels deep"]
