"""Documentation pages: descriptions for the model from SDK reference pages.

read a page (:mod:`.page`, Markdown by :mod:`.markdown`, the Syntax block by
:mod:`.syntax`) -> match pages to enums and attach descriptions
(:mod:`.matching`) -> report where pages and headers disagree (:mod:`.report`).
"""
