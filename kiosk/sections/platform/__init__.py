"""The platform section: capabilities, cases, figures and chart cards."""
