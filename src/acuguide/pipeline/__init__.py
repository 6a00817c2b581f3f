"""A command end to end: one session (`session`: load, compile, estimate) and a batch of them
(`batch`: speak every phrase once, then render on every core or a cluster)."""
