"""Touchscreen showroom kiosk for the Qingdao Industrial Internet Cluster."""

__version__ = "0.1.0"
