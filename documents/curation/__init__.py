"""Curation services: reviewing imports, duplicates, reprocessing and issuer merges (called by the admin and commands)."""
