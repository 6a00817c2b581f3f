"""The pure compiler: a routine becomes a plan of cues (`plan`), and the plan, given each
phrase's length, becomes a timeline in samples (`layout`). No audio, no engine, no files."""
