"""Build-time only: commands that regenerate the committed data (never imported at run time)."""
