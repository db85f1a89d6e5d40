"""Operations: each user action that changes the library, as one keyword-only function in
the Qt-free core, doing one transaction and returning what changed. The window's menus and
dialogs and the CLI's commands call these, so both faces leave the same library state
(issue 11; learnt from Anki's aqt/operations).

- ``quotes.assign_source``: attribute a quotation to a source, learning an alias only when
  the editor confirmed it (and never a country, organisation word or pronoun).
- ``quotes.verify``: verify a quotation, refusing when the evidence differs unless forced,
  and recording what it was checked against.
- ``articles.change_status``: move an article through the workflow gate; refused with
  ``StatusBlocked`` (carrying the reasons) unless an override reason is given.
- ``articles.new_article`` / ``duplicate_article`` / ``trash_article`` / ``restore_article``
  / ``restore_revision``: the library panel's buttons and History's Restore.
- ``imports.import_files`` / ``resume_import``: files become articles, all or nothing.
"""
