"""Governance's pages, by topic: the governance page and the presidency back office
(``presidency``), meetings (``meetings``), calendar feeds (``calendars``)."""
