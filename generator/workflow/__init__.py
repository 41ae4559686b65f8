"""The office's quarterly workflow: ``new``, ``import``, ``schema`` and their helpers.

These are the only parts of gongkai that write content files, and only when a
clerk runs one of those commands explicitly.
"""
