"""The dashboard's files (``static/``), served by :mod:`clamor.api` at ``/``."""
