"""Motcua: one-stop-shop and online public-service system for Vietnamese local government."""
