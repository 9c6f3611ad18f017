"""Outputs: the model (:mod:`gen.model`) to files, knowing nothing of C.

view model (:mod:`.viewmodel`, with :mod:`.flags`, :mod:`.naming` and the
escaping in :mod:`.filters`) -> render (:mod:`.render`, Jinja templates) ->
write (:mod:`.writer`).
"""
