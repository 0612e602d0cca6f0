"""Hot read queries compiled once and run with other ids.

Building a queryset with the visibility rules (several `EXISTS`) and compiling it to SQL is
most of what a hot read costs in Python: home spent ~11 of its ~20 ms there, the database
~3 ms. The SQL of such a query depends on the *shape* of its inputs, not on which person or
check-in they are, so `compiled(build)` builds it once per thread (a Django connection belongs
to its thread) with stand-in ids, finds where those ids went among the query's parameters,
and from then on runs the same SQL with the real ids in their places. The rows come back
as `values()` would give them (the same column names and database converters).

What a `build` may do: take ids (UUIDs; a list of ids counts as one shape per length) and
return a `values()` queryset whose SQL depends only on those ids' places. Any other input
(a status, a limit, a time) must be a constant inside `build`: it is compiled into the SQL.
A stand-in that doesn't come out as a whole parameter is refused at the first call.
"""

import re
import threading
import uuid
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler
from psycopg.sql import Literal

from backend.common.conf import shoulder_setting

Row = dict[str, Any]
Arg = uuid.UUID | str | Sequence[uuid.UUID]
Build = Callable[..., QuerySet[Any, Any]]

# Stand-ins: version-4 UUIDs nobody's row has (the random ones never have these bits).
_STAND_IN = "5e0715e1-57a2-4d00-8000-{:012x}"


def _stand_ins(shape: tuple[int, ...]) -> tuple[list[Any], list[uuid.UUID]]:
    """Arguments for `build` of this shape (-1: one id, n: a list of n), and all stand-ins."""
    args: list[Any] = []
    flat: list[uuid.UUID] = []
    for size in shape:
        ids = [uuid.UUID(_STAND_IN.format(len(flat) + i + 1)) for i in range(max(size, 1))]
        flat += ids
        args.append(ids[0] if size < 0 else ids)
    return args, flat


@dataclass(frozen=True)
class _Plan:
    sql: str
    params: tuple[Any, ...]
    # (parameter position, stand-in index, how the backend writes a UUID)
    slots: tuple[tuple[int, int, Callable[[Any], Any]], ...]
    names: tuple[str, ...]
    db: str
    position_field: Any
    compiler: SQLCompiler
    converters: dict[int, Any]
    width: int | None


def _as_is(value: uuid.UUID) -> Any:
    return value


def _hex(value: uuid.UUID) -> Any:
    return value.hex


def _text(value: uuid.UUID) -> Any:
    return str(value)


class UnsafeTemplate(Exception):
    """A stand-in id ended up somewhere other than a whole parameter."""


@dataclass(frozen=True)
class _Page:
    """A page of a compiled query, as DRF's cursor pagination asks for it: an ordering, maybe
    a position on its first field (`lookup`, e.g. `created_at__lt`), and a slice."""

    ordering: tuple[str, ...]
    lookup: str | None
    start: int
    stop: int


# The stand-in for a page's position: a time no row has.
_POSITION = datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=UTC)


def _plan(build: Build, shape: tuple[int, ...], page: _Page | None = None) -> _Plan:
    args, flat = _stand_ins(shape)
    queryset = build(*args)
    position_field = None
    if page is not None:
        queryset = queryset.order_by(*page.ordering)
        if page.lookup is not None:
            queryset = queryset.filter(**{page.lookup: _POSITION})
            position_field = queryset.model._meta.get_field(page.lookup.split("__")[0])
        queryset = queryset[page.start : page.stop]
    query = queryset.query
    compiler = query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    forms: dict[Any, tuple[int, Callable[[Any], Any]]] = {}
    for index, stand_in in enumerate(flat):
        forms[stand_in] = (index, _as_is)
        forms[stand_in.hex] = (index, _hex)
        forms[str(stand_in)] = (index, _text)
    if position_field is not None:
        # One more value after the ids: the position, already as the database takes it.
        db_position = position_field.get_db_prep_value(_POSITION, connections[queryset.db])
        forms[db_position] = (len(flat), _as_is)
    slots = []
    for position, param in enumerate(params):
        if isinstance(param, Hashable) and param in forms:
            slots.append((position, *forms[param]))
        elif any(str(s) in str(param) or s.hex in str(param) for s in flat):
            raise UnsafeTemplate(f"a stand-in id inside parameter {position}")
    if position_field is not None and len(slots) == sum(1 for s in slots if s[1] < len(flat)):
        raise UnsafeTemplate("the page's position is not a parameter")
    if any(str(s) in sql or s.hex in sql for s in flat):
        raise UnsafeTemplate("a stand-in id inside the SQL text")
    connection = connections[queryset.db]
    if connection.vendor == "postgresql":
        sql, params, slots = _constants_inlined(connection, sql, params, slots)
    fields = [s[0] for s in compiler.select[: compiler.col_count]]
    return _Plan(
        sql=sql,
        params=tuple(params),
        slots=tuple(slots),
        # As `ValuesIterable` names them.
        names=tuple(query.selected)
        if query.selected
        else (*query.extra_select, *query.values_select, *query.annotation_select),
        db=queryset.db,
        position_field=position_field,
        compiler=compiler,
        converters=compiler.get_converters(fields),
        width=compiler.col_count if compiler.has_extra_select else None,
    )


def _constants_inlined(
    connection: Any, sql: str, params: Sequence[Any], slots: list[Any]
) -> tuple[str, list[Any], list[Any]]:
    """The SQL with every parameter but the ids written into it (statuses, kinds, limits:
    constants of `build`), so a plan made once for the statement knows them: a generic plan
    of home's query that had to guess them read all of a large world's check-ins (1.7 s
    instead of 12 ms)."""
    connection.ensure_connection()
    ids = {position: n for n, (position, _, _) in enumerate(slots)}
    out: list[str] = []
    position = 0
    for piece in re.split(r"(%%|%s)", sql):
        if piece != "%s":
            out.append(piece)
            continue
        if position in ids:
            out.append(piece)
        else:
            literal = Literal(params[position]).as_string(connection.connection)
            out.append(literal.replace("%", "%%"))
        position += 1
    kept = [params[p] for p in ids]
    return "".join(out), kept, [(ids[p], index, form) for p, index, form in slots]


def _cursor(db: str, *, prepare: bool = True) -> Any:
    """A cursor for a compiled query: on PostgreSQL one that binds on the server and prepares
    the statement (once per connection: the next runs skip parsing it), through Django's
    wrapper all the same (query logging, error wrapping)."""
    connection = connections[db]
    if connection.vendor != "postgresql" or not prepare or not shoulder_setting("PREPARED_READS"):
        return connection.cursor()
    connection.ensure_connection()
    raw: Any = connection.connection
    if raw.prepare_threshold is None:
        # Django turns psycopg's preparing off (None); a threshold never reached keeps it
        # off for everything else (the ORM's cursors bind on the client and never prepare)
        # while `prepare=True` below still prepares these.
        raw.prepare_threshold = _NEVER
    cursor = _prepared_cursor()(raw)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)
    return connection.make_cursor(cursor)


_NEVER = 2**31 - 1


@cache
def _prepared_cursor() -> Any:
    from django.db.backends.postgresql.base import ServerBindingCursor

    class Prepared(ServerBindingCursor):
        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            return super().execute(query, params, prepare=True)  # type: ignore[misc]

    return Prepared


def _id(value: uuid.UUID | str) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def _shaped(args: Sequence[Arg]) -> tuple[list[Any], tuple[int, ...]]:
    ids = [_id(a) if isinstance(a, uuid.UUID | str) else [_id(i) for i in a] for a in args]
    return ids, tuple(-1 if isinstance(a, uuid.UUID) else len(a) for a in ids)


class Compiled:
    def __init__(self, build: Build) -> None:
        self._build = build
        self._local = threading.local()

    def _plan_for(self, shape: tuple[int, ...], page: _Page | None = None) -> _Plan:
        plans: dict[Any, _Plan] = self._local.__dict__.setdefault("plans", {})
        key = (shape, page)
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = _plan(self._build, shape, page)
        return plan

    def rows(self, *args: Arg) -> list[Row]:
        """`build(*args)`'s rows, as `values()` gives them."""
        ids, shape = _shaped(args)
        if any(size == 0 for size in shape):
            return list(self._build(*ids))  # `IN ()`: Django answers without a query
        return self._run(self._plan_for(shape), ids, [])

    def page(self, *args: Arg) -> "Paged":
        """`build(*args)` for DRF's cursor pagination (`PaginatedApi.paginate`): it orders,
        filters on a position and slices what this returns, and each such shape is compiled
        once like the rest (the position is a parameter, as the ids are)."""
        return Paged(self, args)

    def _run(
        self, plan: _Plan, ids: list[Any], values: list[Any], *, prepare: bool = True
    ) -> list[Row]:
        flat: list[Any] = []
        for arg in ids:
            flat += [arg] if isinstance(arg, uuid.UUID) else arg
        flat += values
        params = list(plan.params)
        for position, index, form in plan.slots:
            params[position] = form(flat[index])
        with _cursor(plan.db, prepare=prepare) as cursor:
            cursor.execute(plan.sql, params)
            found: Any = cursor.fetchall()
        if plan.width is not None:
            found = [row[: plan.width] for row in found]
        if plan.converters:
            found = plan.compiler.apply_converters(found, plan.converters)
        names = plan.names
        return [dict(zip(names, row, strict=False)) for row in found]


def compiled(build: Build) -> Compiled:
    """`build` (ids → a `values()` queryset) compiled once per shape and thread."""
    return Compiled(build)


class Paged:
    """What DRF's `CursorPagination.paginate_queryset` does to a queryset (`order_by`, one
    `filter` on the ordering's first field, a slice, `list()`), recorded, then run as a
    compiled page. Anything else it might ask raises: a new DRF would fail loudly here."""

    def __init__(
        self,
        compiled: Compiled,
        args: Sequence[Arg],
        ordering: tuple[str, ...] = (),
        position: tuple[str, Any] | None = None,
        window: tuple[int, int] | None = None,
    ) -> None:
        self._compiled, self._args = compiled, args
        self._ordering, self._position, self._window = ordering, position, window

    def _with(self, **changes: Any) -> "Paged":
        now = {"ordering": self._ordering, "position": self._position, "window": self._window}
        return Paged(self._compiled, self._args, **{**now, **changes})

    def order_by(self, *fields: str) -> "Paged":
        return self._with(ordering=tuple(fields))

    def filter(self, **kwargs: Any) -> "Paged":
        ((lookup, value),) = kwargs.items()
        if self._position is not None or not lookup.endswith(("__lt", "__gt")):
            raise TypeError(f"a compiled page takes one position, not {lookup}")
        return self._with(position=(lookup, value))

    def __getitem__(self, window: slice) -> "Paged":
        if self._window is not None or window.step is not None:
            raise TypeError("a compiled page is sliced once")
        return self._with(window=(window.start or 0, window.stop))

    def __iter__(self) -> Iterator[Row]:
        if self._window is None:
            raise TypeError("a compiled page is read a page at a time")
        ids, shape = _shaped(self._args)
        lookup = self._position[0] if self._position else None
        page = _Page(self._ordering, lookup, *self._window)
        if any(size == 0 for size in shape):
            return iter([])
        plan = self._compiled._plan_for(shape, page)
        values: list[Any] = []
        if self._position is not None:
            connection = connections[plan.db]
            values.append(plan.position_field.get_db_prep_value(self._position[1], connection))
        # A page after a position is planned each time: how many rows lie beyond the position
        # decides the plan, and a generic plan guesses it (moments' second page on the large
        # world: 70-100 ms prepared, 13 ms planned). The first page is prepared like the rest.
        return iter(self._compiled._run(plan, ids, values, prepare=self._position is None))
