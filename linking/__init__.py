"""Incident linking: the same incident reported by ACLED, UCDP GED and GDELT, found and explained."""
