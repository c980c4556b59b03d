"""Views of working groups (public pages, membership, leads, work plans) and of reporting."""
