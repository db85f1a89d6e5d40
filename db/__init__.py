"""Top-level db/ folder of numbered SQL migrations, shipped inside the package."""
