"""Embedded example reports.

``reference_report()`` is the 2023 administrative reform report of the Ninh Thuận Department
of Labour, Invalids and Social Affairs (Sở Lao động - Thương binh và Xã hội), encoded
completely: every section, paragraph, citation, figure, the signature, the recipients and the
statistics appendix.
"""

from __future__ import annotations

from importlib import resources

from cchc_model._base.lazy import Lazy
from cchc_model._io.serialization import load
from cchc_model._model.appendix import Appendix
from cchc_model._model.report import Report

__all__ = ["reference_appendix", "reference_report", "reference_report_json"]


def reference_report_json() -> str:
    """The reference report as the JSON text shipped with the package."""
    return (resources.files(__name__) / "reference_report.json").read_text(encoding="utf-8")


_REFERENCE = Lazy(lambda: load(reference_report_json()))


def reference_report() -> Report:
    """The reference report (Ninh Thuận, 2023) as a :class:`~cchc_model.Report`.

    >>> report = reference_report()
    >>> report.header.subtitle
    'Công tác cải cách hành chính năm 2023 và phương hướng nhiệm vụ năm 2024'
    """
    return _REFERENCE.get()


def reference_appendix() -> Appendix:
    """The reference report's statistics appendix, as read from its table by ``read_appendix``.

    >>> appendix = reference_appendix()
    >>> appendix["3.1.3"].value, appendix["1.2.1"].stt
    (138, '1.1.1.')
    """
    appendix = reference_report().appendix
    assert appendix is not None  # noqa: S101 - the shipped example has its appendix
    return appendix
