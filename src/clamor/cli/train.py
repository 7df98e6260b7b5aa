"""``clamor train``: fit clamor's statistical models from gold files."""

from __future__ import annotations

from pathlib import Path

import click

from clamor.cli import cli
from clamor.cli.output import RowWriter, output_options, write_json_line


@cli.group("train")
def train_group() -> None:
    """Fit clamor's statistical models from gold files.

    \b
    Example:
      clamor train event-type ../shared/data/acled/acled_dev.csv --out my_model.npz
    """


@train_group.command("event-type")
@click.argument("gold", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("event_type.npz"), show_default=True,
              help="Artifact to write (.npz); its model card goes beside it (.card.json).")
@click.option("--heldout-percent", type=click.IntRange(1, 90), default=20, show_default=True,
              help="Share of rows (by a hash of their id) held out for the report.")
@click.option("--refit-all", is_flag=True,
              help="After measuring, refit the saved model on every row.")
@output_options()
def train_event_type_command(gold, out, heldout_percent, refit_all, fmt) -> None:
    """Fit the event-type classifier on GOLD files and report held-out scores.

    GOLD: ACLED CSV exports (2019+ rows), CASE 2021 task 2 TSV, or your own coded data
    (CSV/TSV/JSONL with `text` and `sub_event_type`). Needs scikit-learn (`clamor[dev]`).
    Use the result with `clamor extract --model PATH`.

    \b
    Example:
      clamor train event-type acled_export.csv my_coded.jsonl --out model.npz
      clamor extract articles/ --model model.npz --json
    """
    from clamor.evaluate.training import train_event_type

    model, report = train_event_type(list(gold), out=out, heldout_percent=heldout_percent,
                                     refit_all=refit_all)
    click.echo(f"trained on {report['n_train']} rows, calibrated on "
               f"{report.get('n_calibration', 0)}, scored on {report['n_heldout']} "
               f"held-out rows; saved {out}", err=True)
    if fmt == "json":
        write_json_line(report)
        return
    systems = ["classifier", "majority", "keyword"]
    writer = RowWriter(fmt, ["figure", *systems], title="held-out scores")
    for name, values in report["figures"].items():
        writer.write({"figure": name, **{s: f"{values[s]:.3f}" for s in systems}})
    writer.close()
