"""The preview as the page shows it: issues in the reader's language, placed at their cell."""

from typing import Any

from django.utils.translation import gettext

from fairmatch.spreadsheets.models import ImportJob

TRANSLATED_PARAMS = ("column", "closest")  # parameters that are themselves msgids
LISTED = 50  # cell problems also listed as text above the table (narrow screens, readers)


def message(text: str, params: dict[str, Any]) -> str:
    """A stored message (msgid and parameters) in the active language."""
    shown = {
        key: gettext(value) if key in TRANSLATED_PARAMS and isinstance(value, str) else value
        for key, value in params.items()
    }
    try:
        return gettext(text) % shown
    except (KeyError, TypeError, ValueError):
        return gettext(text)


def preview_table(job: ImportJob) -> dict[str, Any]:
    """Columns, the file's own problems, and the shown rows with each cell's issues."""
    preview = job.preview or {}
    if "read_error" in preview:
        error = preview["read_error"]
        return {"read_error": message(error["text"], error.get("params", {}))}
    columns = preview.get("columns", [])
    position = {column["key"]: index for index, column in enumerate(columns)}
    at_cell: dict[tuple[int, int], list[dict[str, str]]] = {}
    file_issues, row_issues = [], {}
    for issue in preview.get("issues", []):
        shown = {"level": issue["level"], "text": message(issue["text"], issue["params"])}
        index = position.get(issue["column"])
        if issue["row"] <= 1:
            file_issues.append(shown)
        elif index is None:
            row_issues.setdefault(issue["row"], []).append(shown)
        else:
            at_cell.setdefault((issue["row"], index), []).append(shown)
    listed = [
        {
            "line": issue["row"],
            "column": columns[position[issue["column"]]]["header"],
            "level": issue["level"],
            "text": message(issue["text"], issue["params"]),
        }
        for issue in preview.get("issues", [])
        if issue["row"] > 1 and issue["column"] in position
    ]
    rows = []
    for row in preview.get("rows", []):
        cells = []
        for index in range(len(columns)):
            value = row["cells"][index] if index < len(row["cells"]) else ""
            issues = at_cell.get((row["line"], index), [])
            level = "error" if any(i["level"] == "error" for i in issues) else ""
            cells.append(
                {"value": value, "issues": issues, "level": level or ("warning" if issues else "")}
            )
        rows.append(
            {"line": row["line"], "cells": cells, "issues": row_issues.get(row["line"], [])}
        )
    return {
        "columns": columns,
        "file_issues": file_issues,
        "rows": rows,
        "listed": listed[:LISTED],
        "more_listed": max(0, len(listed) - LISTED),
        "counts": preview.get("counts", {}),
        "encoding": preview.get("encoding", ""),
    }
