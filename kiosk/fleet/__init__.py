"""Fleet: many kiosks fed from one content source (issue 17).

* :mod:`~kiosk.fleet.manifest` — ``kiosk pack`` and the "whole set or nothing" gate.
* :mod:`~kiosk.fleet.versions` — the last N good versions, rollback, the crash-at-start guard.
* :mod:`~kiosk.fleet.metrics` — the Prometheus textfile (``prometheus_client``).
* :mod:`~kiosk.fleet.report` — CSV exports into an outbox and the merged PDF report.

Nothing in this package imports Qt at module level except the modules whose names say so
(``health``, ``screenshot``, ``report_pdf``, ``versions_panel``).
"""
