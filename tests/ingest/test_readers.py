"""One test (at least) per reader, on inputs written here."""

import gzip
import io
import json

from clamor.ingest import read, read_bytes
from clamor.models import Article, ReadError
from clamor.options import ColumnNames, Options

STORY = (
    "NAKURU, March 12, 2019 - Hundreds of traders marched through the centre of Nakuru on "
    "Tuesday to protest against new market levies. Police fired tear gas and arrested six people."
)
HTML = f"""<!DOCTYPE html><html><head><title>Traders march in Nakuru | Rift Courier</title>
<meta property="og:site_name" content="Rift Courier"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-03-12T10:00:00Z"></head>
<body><nav>Home | News</nav><article><h1>Traders march in Nakuru</h1><p>{STORY}</p>
<p>County officials promised to meet the traders on Friday to discuss the fees.</p></article></body></html>"""


def _articles(items):
    return [i for i in items if isinstance(i, Article)]


def _errors(items):
    return [i for i in items if isinstance(i, ReadError)]


def test_plain_text():
    [article] = read_bytes(f"Traders march in Nakuru\n\n{STORY}".encode(), "a.txt")
    assert article.title == "Traders march in Nakuru"
    assert article.dateline_place == "NAKURU"
    assert str(article.published) == "2019-03-12"
    assert article.source_format == "text"


def test_html_uses_trafilatura_metadata():
    [article] = read_bytes(HTML.encode(), "page.html")
    assert article.title == "Traders march in Nakuru"
    assert article.author == "Jane Doe"
    assert article.publisher == "Rift Courier"
    assert str(article.published) == "2019-03-12"
    assert "Home | News" not in article.text
    assert "Hundreds of traders" in article.text


def test_html_fallback_when_main_text_extraction_finds_nothing():
    html = "<html><body><div><span>Police dispersed protesters in Mombasa on Sunday with tear gas, witnesses said.</span></div></body></html>"
    [article] = read_bytes(html.encode(), "tiny.html")
    assert "Police dispersed protesters" in article.text


def _warc(records: list[tuple[str, str]], compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for url, html in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                           http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2019-03-13T08:00:00Z"})
        writer.write_record(record)
    return buffer.getvalue()


def test_warc_and_warc_gz_give_url_and_date():
    for compress in (False, True):
        data = _warc([("https://rift.example/nakuru", HTML)], compress)
        [article] = read_bytes(data, "crawl.warc.gz" if compress else "crawl.warc")
        assert article.url == "https://rift.example/nakuru"
        assert article.source_format == "warc"
        assert article.source_record == 1
        assert str(article.published) == "2019-03-12"


def test_warc_record_without_publication_date_uses_capture_date():
    html = f"<html><body><article><p>{STORY.split(' - ', 1)[1]}</p><p>More text about the march follows here.</p></article></body></html>"
    [article] = read_bytes(_warc([("https://x.example/a", html)], True), "c.warc.gz")
    assert str(article.published) == "2019-03-13"
    assert article.published_from == "capture"


def test_rss_and_atom_feeds():
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Rift Courier</title>
    <item><title>Traders march</title><link>https://rift.example/1</link>
    <pubDate>Tue, 12 Mar 2019 10:00:00 +0300</pubDate><description><![CDATA[<p>{STORY}</p>]]></description></item>
    </channel></rss>"""
    [article] = read_bytes(rss.encode(), "feed.xml")
    assert article.url == "https://rift.example/1"
    assert article.publisher == "Rift Courier"
    assert article.title == "Traders march"
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Courier</title><entry><title>Traders march</title><link href="https://rift.example/2"/>
    <updated>2019-03-12T10:00:00Z</updated><content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry></feed>"""
    [article] = read_bytes(atom.encode(), "feed.atom")
    assert article.url == "https://rift.example/2"
    assert str(article.published) == "2019-03-12"


def test_jsonl_with_configurable_columns_and_a_broken_line():
    rows = [json.dumps({"body": STORY, "link": "https://x.example/1", "date": "2019-03-12"}), "{broken",
            json.dumps({"body": STORY.replace("six", "seven"), "date": "2019-03-12"})]
    options = Options(columns=ColumnNames(text="body", url="link", published="date"))
    items = list(read_bytes("\n".join(rows).encode(), "dump.jsonl", options))
    assert len(_articles(items)) == 2
    [error] = _errors(items)
    assert error.line == 2 and "not valid JSON" in error.message
    assert _articles(items)[0].url == "https://x.example/1"


def test_csv_rows_and_missing_text_column():
    data = f'id,url,title,text,published\n1,https://x.example/1,Traders march,"{STORY}",2019-03-12\n'
    [article] = read_bytes(data.encode(), "dump.csv")
    assert article.title == "Traders march" and article.source_record == 2
    [error] = read_bytes(b"id,body\n1,hello\n", "dump.csv")
    assert "no 'text' column" in error.message


def test_gzipped_text():
    [article] = read_bytes(gzip.compress(STORY.encode()), "a.txt.gz")
    assert article.dateline_place == "NAKURU"


def test_directory_glob_and_stdin(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("six", "nine"))
    (tmp_path / ".hidden").write_text("ignored")
    assert len(_articles(read([str(tmp_path)]))) == 2
    assert len(_articles(read([str(tmp_path / "**" / "*.txt")]))) == 2
    [article] = read(["-"], stdin=io.BytesIO(STORY.encode()))
    assert article.source_path == "<stdin>"
