"""Presidency terms, the steering committee and meetings arrive with the governance issue."""
