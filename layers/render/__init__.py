"""What is drawn: the browser map's data, the profile summary, the legend, the offline page."""
