"""What is written around a session: the timeline and transcripts (`export`), the podcast
feed and phone page (`site`), and the read-only server for phones (`serve`)."""
