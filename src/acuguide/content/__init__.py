"""What a session says and about what: the point library (`points`, with `points.yaml`), the
breathing patterns (`breathing`) and every fixed English sentence (`wording`)."""
