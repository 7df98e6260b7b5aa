"""`clamor read`, including every bad-input case: one-line message naming the input, exit code."""

import gzip
import json
import os

import pytest
from click.testing import CliRunner

from clamor.cli import cli

STORY = ("NAKURU, March 12, 2019 - Hundreds of traders marched through the centre of Nakuru "
         "on Tuesday to protest against new market levies. Police fired tear gas.")


def run(*args, stdin=None):
    return CliRunner().invoke(cli, ["read", *map(str, args)], input=stdin)


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(STORY)
    return path


def assert_one_failure(result, name, fragment):
    """Exit 1, one error line naming the input, no traceback, the good file still read."""
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert name in errors[0] and fragment in errors[0]
    assert "Traceback" not in result.output
    assert "1 article read" in result.stderr and "1 input failed" in result.stderr


def test_reads_json_lines(good):
    result = run(good, "--json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["dateline_place"] == "NAKURU" and record["published"] == "2019-03-12"


def test_csv_output_has_header(good):
    result = run(good, "--csv")
    assert result.stdout.splitlines()[0].startswith("article_id,status,language")


def test_table_output(good):
    assert "NAKURU" in run(good).stdout


def test_empty_file(tmp_path, good):
    (tmp_path / "empty.txt").write_text("  \n")
    assert_one_failure(run(good, tmp_path / "empty.txt"), "empty.txt", "empty file")


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
     ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
     ("bundle.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "zip")],
)
def test_binary_files(tmp_path, good, name, data, kind):
    (tmp_path / name).write_bytes(data)
    assert_one_failure(run(good, tmp_path / name), name, kind)


def test_binary_without_magic_number(tmp_path, good):
    (tmp_path / "blob.bin").write_bytes(bytes(range(1, 32)) * 50)
    assert_one_failure(run(good, tmp_path / "blob.bin"), "blob.bin", "binary file")


def test_file_over_size_limit(tmp_path, good):
    (tmp_path / "huge.txt").write_text(STORY * 50)
    assert_one_failure(run(good, tmp_path / "huge.txt", "--max-size", "2k"), "huge.txt", "size limit")


def test_malformed_html_is_read_with_fallback(tmp_path):
    (tmp_path / "broken.html").write_text(
        "<html><body><p>Police dispersed protesters in Mombasa with tear gas on Sunday <b>night</p></div></span>"
        "<p>Residents said <i>dozens were hurt</body>")
    result = run(tmp_path / "broken.html", "--json")
    assert result.exit_code == 0
    assert "Police dispersed protesters" in json.loads(result.stdout)["text"]


def test_html_with_no_text(tmp_path, good):
    (tmp_path / "blank.html").write_text("<html><head><script>var a=1;</script></head><body></body></html>")
    assert_one_failure(run(good, tmp_path / "blank.html"), "blank.html", "no readable text")


def test_truncated_gzip(tmp_path, good):
    data = gzip.compress(((STORY + " ") * 200).encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    assert_one_failure(run(good, tmp_path / "cut.txt.gz"), "cut.txt.gz", "truncated gzip")


def test_broken_jsonl_line(tmp_path):
    lines = [json.dumps({"text": STORY}), '{"text": "unterminated', json.dumps({"text": STORY + " More."})]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines))
    result = run(tmp_path / "dump.jsonl")
    assert result.exit_code == 1
    assert "dump.jsonl:2: not valid JSON" in result.stderr
    assert "2 articles read" in result.stderr


def test_directory_with_unreadable_file(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    assert_one_failure(run(folder), "dangling.txt", "no such file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_directory_with_file_without_permission(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    (folder / "secret.txt").write_text(STORY + " Secret.")
    (folder / "secret.txt").chmod(0)
    assert_one_failure(run(folder), "secret.txt", "permission denied")


def test_missing_path_and_unmatched_glob(tmp_path, good):
    assert_one_failure(run(good, tmp_path / "nope.txt"), "nope.txt", "no such file")
    assert_one_failure(run(good, tmp_path / "*.xml"), "*.xml", "no file matches")


def test_stdin(good):
    result = run("-", "--json", stdin=STORY)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source_path"] == "<stdin>"


def test_usage_errors_exit_2():
    assert run().exit_code == 2
    assert run("x.txt", "--max-size", "lots").exit_code == 2
    assert CliRunner().invoke(cli, ["no-such-command"]).exit_code == 2
