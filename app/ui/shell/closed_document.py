"""Documents that load nothing: for every page, hit row or print-out made from profile text.

QTextDocument fetches the images and style sheets its HTML names, reading file: and qrc: URLs from
disk itself, and its image handler falls back to opening an image's path directly whenever the
answer is not an image, so neither None nor empty bytes keep the disk closed: only a real (blank)
image does. Our HTML is built from escaped text and names no resource; this keeps a future slip
in the renderer from showing or printing a file from the user's disk.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QImage, QTextDocument

IMAGE_RESOURCE = 2  # QTextDocument.ResourceType.ImageResource, without building Qt's enums
_blank: list[QImage] = []


def no_resource(kind: Any) -> Any:
    """What a page gets for any resource it names: a 1x1 transparent image, or empty bytes."""
    if int(getattr(kind, "value", kind)) != IMAGE_RESOURCE:
        return QByteArray()
    if not _blank:
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(0)
        _blank.append(image)
    return _blank[0]


class ClosedDocument(QTextDocument):
    def loadResource(self, type: int, _name: QUrl | str) -> Any:  # noqa: A002 - Qt's parameter name
        return no_resource(type)
