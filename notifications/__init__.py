"""Notifications: what each app reminds people of, recorded once per person and stage, then
e-mailed at once, gathered in a digest or shown in the portal, as each person chose."""
