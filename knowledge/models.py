"""Knowledge products arrive with the knowledge library issue."""
