"""The run machinery: command line, configuration, the pipeline that joins
the front ends to the outputs, the run cache, the quick path and depfiles.

Kept empty: the quick path (:mod:`.quick`) imports this package before
anything else and must stay light.
"""
