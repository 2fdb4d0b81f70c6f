"""(placeholder module: rules are added here)."""
RULES = ()
