"""Operations: each user action that changes the library, as one keyword-only function in
the Qt-free core, doing one transaction and returning what changed (a result with
``changes``, desk.operations.changes). The window's menus and dialogs (through
desk.gui.op_runner) and the CLI's commands call these, so both faces leave the same library
state (issue 11; learnt from Anki's aqt/operations). A refusal is a DeskError raised before
anything changes. Who did it is the library's editor (desk.storage.Library.editor, set once
by the face that opened it), which storage stamps on every change; the operations take no
editor argument of their own, except ``reviewer`` (``--by``) for a review's stamp.

- ``quotes``: assign a source (learning an alias only when the editor confirmed it, and
  never a country, organisation word or pronoun), create a source from the speaker, set the
  speaker, set the review status (dispute, not a quotation), verify against the evidence,
  record the original, verify from material, tag several fields at once.
- ``sources``: create, update (aliases given as the list wanted), add or remove aliases,
  merge, delete.
- ``dictionary``: accept words globally or in one article, shared or personal to the
  library's editor, and remove them.
- ``materials``: attach source material to a source or an article.
- ``articles.change_status``: move an article through the workflow gate; refused with
  ``StatusBlocked`` (carrying the reasons) unless an override reason is given.
- ``articles.new_article`` / ``duplicate_article`` / ``trash_article`` / ``restore_article``
  / ``restore_revision``: the library panel's buttons and History's Restore.
- ``editing.open_for_editing`` / ``take_over`` / ``keep_alive`` / ``release`` / ``unlock``:
  the editing locks a window takes on the article it shows (``desk locks``, ``desk unlock``).
- ``imports.import_files`` / ``resume_import``: files become articles, all or nothing; a
  file imported before (the same bytes) is skipped and listed unless ``again=True``.
"""
