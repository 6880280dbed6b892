"""Turning the rows of hand-written statements into model instances, by column name."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from typing import Any, Iterator, Sequence, TypeVar, cast

from peewee import BaseQuery, Database, Field, Model

M = TypeVar("M", bound=Model)


def model_from_row(model: type[M], columns: Sequence[str], values: Sequence[Any]) -> M:
    """A model instance from a hand-written SELECT, each column converted as peewee would."""
    fields = model._meta.fields
    return model(**{name: fields[name].python_value(value) for name, value in zip(columns, values)})


def as_datetime(value: Any) -> datetime:
    """A time a hand-written statement read (SQLite gives the stored text) as a datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def as_datetime_or_none(value: Any) -> datetime | None:
    """:func:`as_datetime` for a column that may be empty."""
    return None if value is None else as_datetime(value)


def day_of(value: Any) -> date:
    """The day of a stored time or date (its first ten characters, ``YYYY-MM-DD``)."""
    return date.fromisoformat(str(value)[:10])


def execute(db: Database, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """Run one hand-written statement on ``db`` (peewee's own method is untyped)."""
    cursor: sqlite3.Cursor = db.execute_sql(sql, params)  # type: ignore[no-untyped-call]
    return cursor


def connection(db: Database) -> sqlite3.Connection:
    """The open DB-API connection of ``db`` (peewee's own method is untyped)."""
    conn: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    return conn


def tuples(query: BaseQuery) -> Iterator[tuple[Any, ...]]:
    """The rows of a peewee query as plain tuples (peewee's stubs give ``.tuples()`` the
    query's own type, so iterating it would claim to yield model instances)."""
    return cast("Iterator[tuple[Any, ...]]", iter(query.tuples()))


def db_value(field: Field[Any], value: Any) -> Any:
    """``value`` as ``field`` stores it, for a hand-written statement's parameter."""
    return field.db_value(value)  # type: ignore[no-untyped-call]


def as_dicts(cursor: Any) -> list[dict[str, Any]]:
    """Every row of ``cursor`` as a dictionary by column name (never by position)."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def as_dict(cursor: Any) -> dict[str, Any] | None:
    names = [d[0] for d in cursor.description] if cursor.description else []
    row = cursor.fetchone()
    return dict(zip(names, row)) if row is not None else None
