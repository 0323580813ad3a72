"""The park section: the zoomable site plan with hotspots, its tabs and controls, the figure
tiles, the hotspot detail panels and the industrial-framework diagram."""
