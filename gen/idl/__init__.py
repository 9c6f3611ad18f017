"""The IDL front end: an .idl file to the model (:mod:`gen.model`), the same
model the C front end gives for the header MIDL or widl would generate.

preprocess (each file on its own, with :mod:`gen.c.preprocessor`) -> parse
(:mod:`.parser` into :mod:`.syntax`) -> lower into the header's segments
(:mod:`.header`) -> the C front end's preprocessor, declaration scanner,
model builder and ``#define`` groups (:mod:`.frontend`).
"""
