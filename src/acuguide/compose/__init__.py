"""Compose a routine from what hurts and how long there is: above the timeline, since a
composed session is timed by laying it out."""

from ..errors import AcuguideError


class ComposeError(AcuguideError):
    """The answers cannot make a session: an unknown complaint, one outside back care, a red flag, or no length that fits.

    Its message is in the session's `language`, so whoever shows it (the CLI's `Error:`) says
    the words around it in the same language."""

    exit_code = 2  # the answers are command-line options

    def __init__(self, message: str, language: str = "en"):
        self.language = language
        super().__init__(message)
