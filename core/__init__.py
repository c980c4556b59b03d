"""The small kit every app may use. It imports none of our apps (see ../shared/DESIGN.md)."""
