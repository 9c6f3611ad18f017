"""The IDL front end: an .idl file to the model (:mod:`gen.model`), the same
model the C front end gives for the header MIDL or widl would generate.

read each .idl on its own (:mod:`.files`: the C preprocessor with widl's
predefined macros, then :mod:`.parser` into :mod:`.syntax`) -> lower the
statements into the header's segments (:mod:`.header`) -> the C front end's
preprocessor, declaration scanner and model builder read that header
(:mod:`.frontend`) -> ``#define`` groups on the header's outline, and
[helpstring] descriptions (:mod:`.groups`).
"""
