"""Top-level resources/ folder, shipped inside the package."""
