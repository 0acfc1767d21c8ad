"""The one error type of local provisioning: a message that says what is wrong and what to do."""


class LocalServerError(RuntimeError):
    """A problem with the local Neo4j that the user can fix; str() is the one-line advice."""
