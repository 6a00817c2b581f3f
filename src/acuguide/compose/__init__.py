"""Compose a routine from what hurts and how long there is: above the timeline, since a
composed session is timed by laying it out."""
