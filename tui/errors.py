"""The one exception the command line turns into a one-line message and exit status 2."""


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""
