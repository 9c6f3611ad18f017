"""The C front end: a header's bytes to the model (:mod:`gen.model`).

read (:mod:`.source`) -> lex (:mod:`.lexer`) -> preprocess
(:mod:`.preprocessor`, with :mod:`.macros`, :mod:`.conditions`,
:mod:`.includes`, :mod:`.skim`) -> parse (:mod:`.declarations`) -> model
(:mod:`.builder`, values by :mod:`.cexpr` over :mod:`.inttypes`;
``#define`` groups by :mod:`.macro_groups`). :func:`.frontend.extract` runs
the whole of it for one header.
"""
