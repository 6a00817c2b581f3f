"""The session as sound: the only numpy user. `render` mixes the clips on the timeline
(`mix`, `dynamics`, `loudness`, `dsp`, `clipcache`), adds bells and a bed (`sounds`,
`ambient`), and encodes and tags the file (`ffmpeg`, `id3`); `pcm` is raw sample helpers.

This package's `__init__` imports nothing, so that `check` and `script` stay light."""
