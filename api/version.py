"""The API's version, from the installed package metadata."""

from importlib.metadata import PackageNotFoundError, version

try:
    API_VERSION = version("conflictkg")
except PackageNotFoundError:  # running from a source tree that was not pip-installed
    API_VERSION = "0.0.0"
