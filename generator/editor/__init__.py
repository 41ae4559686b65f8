"""``gongkai edit``: a browser editor (Decap CMS) over the project's own files.

``files`` maps what the editor sees to content files, ``entry`` is the save
path (file text <-> the CMS's entry, edits merged into the original text),
``cms_config`` writes the CMS configuration from the content schema,
``preview`` runs the checks and renders the page of the entry being edited,
``server`` is the local back end on 127.0.0.1 and ``publish`` puts the
editor into the built site when site.yml asks for it.
"""
