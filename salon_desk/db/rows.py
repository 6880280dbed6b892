"""Turning the rows of hand-written statements into model instances, by column name."""

from __future__ import annotations

import sqlite3
from typing import Any, Sequence, TypeVar

from peewee import Database, Model

M = TypeVar("M", bound=Model)


def model_from_row(model: type[M], columns: Sequence[str], values: Sequence[Any]) -> M:
    """A model instance from a hand-written SELECT, each column converted as peewee would."""
    fields = model._meta.fields
    return model(**{name: fields[name].python_value(value) for name, value in zip(columns, values)})


def execute(db: Database, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """Run one hand-written statement on ``db`` (peewee's own method is untyped)."""
    cursor: sqlite3.Cursor = db.execute_sql(sql, params)  # type: ignore[no-untyped-call]
    return cursor


def as_dicts(cursor: Any) -> list[dict[str, Any]]:
    """Every row of ``cursor`` as a dictionary by column name (never by position)."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def as_dict(cursor: Any) -> dict[str, Any] | None:
    names = [d[0] for d in cursor.description] if cursor.description else []
    row = cursor.fetchone()
    return dict(zip(names, row)) if row is not None else None
