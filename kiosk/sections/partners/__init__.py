"""The partners section: the category filter, the partner grid (model, card painting, view)
and the partner detail panel."""
