import pytest

from clamor.ingest.sniff import Format, looks_binary, sniff


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"Plain text about a protest.", "a.txt", Format.TEXT),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page", Format.HTML),
        (b"<p>Protesters marched.</p>", "fragment.txt", Format.HTML),
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "f", Format.FEED),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "f", Format.FEED),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x", Format.WARC),
        (b'{"id": 1, "text": "x"}\n{"id": 2}', "dump.txt", Format.JSONL),
        (b"id,text\n1,hello\n", "dump.csv", Format.CSV),
        (b"\x1f\x8b\x08\x00", "x.gz", Format.GZIP),
        (b"%PDF-1.4 ...", "report.txt", Format.BINARY),
        (b"\x89PNG\r\n\x1a\n", "photo.txt", Format.BINARY),
        (b"PK\x03\x04", "archive.txt", Format.BINARY),
    ],
)
def test_sniff_by_content(data, name, expected):
    assert sniff(data, name) is expected


def test_name_does_not_override_content():
    assert sniff(b"%PDF-1.7", "article.html") is Format.BINARY


def test_looks_binary():
    assert looks_binary("\x00\x01\x02\x03" * 100)
    assert not looks_binary("An ordinary line of text.\n\tIndented.")
