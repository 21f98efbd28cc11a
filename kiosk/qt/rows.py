"""A list model whose rows are updated in place: the view keeps its delegates, so a finger on a
button is never lost to a refresh.

`sync(rows)` brings the model to a new list of rows (dicts with the same keys, one of them the
row's identity): rows that went away are removed, new ones inserted, moved ones moved, and only
the fields that changed are signalled. Nothing is ever reset.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

_ROLE0 = int(Qt.ItemDataRole.UserRole) + 1
Index = QModelIndex | QPersistentModelIndex


class RowModel(QAbstractListModel):
    countChanged = Signal()

    def __init__(self, keys: Sequence[str], identity: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = list(keys)
        self._roles = {key: _ROLE0 + n for n, key in enumerate(self._keys)}
        self._identity = identity
        self._rows: list[dict[str, Any]] = []

    # ---- Qt's side ----

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = role - _ROLE0
        if not 0 <= key < len(self._keys):
            return None
        return self._rows[index.row()].get(self._keys[key])

    def roleNames(self) -> dict[int, QByteArray]:  # noqa: N802 - Qt's name
        return {role: QByteArray(key.encode()) for key, role in self._roles.items()}

    def _get_count(self) -> int:
        return len(self._rows)

    count = Property(int, _get_count, notify=countChanged)

    @Slot(int, result="QVariantMap")
    def get(self, row: int) -> dict[str, Any]:
        return dict(self._rows[row]) if 0 <= row < len(self._rows) else {}

    # ---- Python's side ----

    @property
    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def sync(self, rows: Sequence[dict[str, Any]]) -> bool:
        """Makes the model equal to `rows`; returns whether anything changed."""
        before = len(self._rows)
        changed = self._remove_missing({r[self._identity] for r in rows})
        for target, row in enumerate(rows):
            changed |= self._place(target, row)
        if len(self._rows) != before:
            self.countChanged.emit()
        return changed

    def _remove_missing(self, wanted: set[Any]) -> bool:
        changed = False
        for n in range(len(self._rows) - 1, -1, -1):
            if self._rows[n][self._identity] not in wanted:
                self.beginRemoveRows(QModelIndex(), n, n)
                del self._rows[n]
                self.endRemoveRows()
                changed = True
        return changed

    def _place(self, target: int, row: dict[str, Any]) -> bool:
        key = row[self._identity]
        if target < len(self._rows) and self._rows[target][self._identity] == key:
            return self._update(target, row)
        found = next((n for n in range(target + 1, len(self._rows))
                      if self._rows[n][self._identity] == key), None)
        if found is None:
            self.beginInsertRows(QModelIndex(), target, target)
            self._rows.insert(target, dict(row))
            self.endInsertRows()
            return True
        self.beginMoveRows(QModelIndex(), found, found, QModelIndex(), target)
        self._rows.insert(target, self._rows.pop(found))
        self.endMoveRows()
        self._update(target, row)
        return True

    def _update(self, n: int, row: dict[str, Any]) -> bool:
        old = self._rows[n]
        roles = [self._roles[k] for k in self._keys if old.get(k) != row.get(k)]
        if not roles:
            return False
        self._rows[n] = dict(row)
        index = self.index(n, 0)
        self.dataChanged.emit(index, index, roles)
        return True
