"""Full screens of the reader (help)."""
