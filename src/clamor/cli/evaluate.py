"""``clamor evaluate``: score clamor (and its baselines) on a gold dataset."""

from __future__ import annotations

import json
from pathlib import Path

import click

from clamor.cli import cli
from clamor.cli.output import RowWriter, output_options, write_json_line
from clamor.errors import InputError
from clamor.evaluate.scorer import DATASETS, SYSTEMS, evaluate
from clamor.options import Options


def figure_rows(result: dict) -> tuple[list[str], list[dict]]:
    """Table columns and one row per figure, systems side by side."""
    present = [s for v in result["figures"].values() for s in v]
    systems = [s for s in SYSTEMS if s in present]  # known systems first, in their order
    systems += [s for s in dict.fromkeys(present) if s not in systems]
    rows = []
    for name, values in result["figures"].items():
        row = {"figure": name}
        row.update({s: f"{values[s]:.3f}" for s in systems if s in values})
        rows.append(row)
    return ["figure", *systems], rows


@cli.command("evaluate")
@click.argument("dataset", type=click.Choice(sorted(DATASETS)))
@click.argument("path", required=False, type=click.Path(dir_okay=True, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N gold records.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the full result (figures, per-class reports, confusion) as JSON.")
@click.option("--system", "systems", multiple=True, type=click.Choice(SYSTEMS),
              help="Systems to score (repeatable; default: all available).")
@click.option("--model", type=click.Path(dir_okay=False, exists=True),
              help="Event-type model artifact (.npz) instead of the shipped one.")
@click.option("--split", type=click.Choice(["heldout", "train", "all"]), default="heldout",
              show_default=True, help="ACLED only: which rows of the fixed split to score.")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="articles only: the folder holding the datasets the gold file refers to "
                   "(default: two folders above PATH).")
@click.option("--casing", type=click.Choice(["as-is", "lower", "upper"]), default="as-is",
              show_default=True, help="lgl/geovirus only: re-case the article text first.")
@click.option("--sentence-detector", is_flag=True,
              help="Turn on the sentence event detector (Options.sentence_detector).")
@click.option("--article-verifier", is_flag=True,
              help="Turn on the article verifier (Options.article_verifier).")
@click.option("--dense-typer/--sparse-typer", default=None,
              help="Average in the MiniLM head of the event typer, or type with the sparse "
                   "model alone (Options.dense_typer; default: CLAMOR_DENSE_TYPER=1 on, "
                   "else off; the dense typer needs the 'dense' extra).")
@output_options()
def evaluate_command(dataset, path, limit, out, systems, model, split, data_dir, casing,
                     sentence_detector, article_verifier, dense_typer, fmt) -> None:
    """Score clamor on a gold DATASET at PATH (default: the file in $CLAMOR_DATA).

    Every figure is printed beside baselines computed in the same run: majority class
    and keyword rules; for whole articles (``articles``) one event per article from the
    classifier on the first paragraph at the most-named place (``lead``); for LGL and
    GeoVirus each place name's most populous namesake (``population``). Whole-article
    figures come per dataset (glocon_, ipe_) and overall (all_); --out also writes each
    article's matched and unmatched events. PATH may be your own file in the same format.

    \b
    Example:
      clamor evaluate case2021 ../shared/data/case2021_task2/dev.tsv
      clamor evaluate acled my_acled_export.csv --split all --limit 500 --out acled.json
      clamor evaluate glocon-documents --system keyword --json
      clamor evaluate articles --out articles.json
      clamor evaluate lgl --casing lower
    """
    if path is not None and not path.exists():
        raise InputError(str(path), "no such file")
    typer = {} if dense_typer is None else {"dense_typer": dense_typer}
    options = Options(event_model=model, sentence_detector=sentence_detector,
                      article_verifier=article_verifier, **typer)
    extra = {"split": split} if dataset == "acled" else {}
    if dataset == "articles":
        extra = {"data_dir": data_dir}
    elif data_dir is not None:
        raise click.UsageError("--data is for the articles dataset only")
    if dataset in ("lgl", "geovirus"):
        extra = {"casing": casing}
    elif casing != "as-is":
        raise click.UsageError("--casing is for the lgl and geovirus datasets only")
    result = evaluate(dataset, path, limit=limit, options=options,
                      systems=systems or SYSTEMS, **extra)
    if out is not None:
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str) + "\n")
    for note in result["notes"]:
        click.echo(f"note: {note}", err=True)
    if fmt == "json":
        write_json_line(result)
        return
    columns, rows = figure_rows(result)
    title = f"{result['dataset']}: {result['n']} gold records ({result['path']})"
    writer = RowWriter(fmt, columns, title=title)
    writer.write_all(rows)
    writer.close()
