"""The history section: a horizontal timeline of eras and events (page, view, painting, layout,
era chips, track and the event detail panel)."""
