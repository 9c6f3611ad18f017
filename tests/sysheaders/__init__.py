# The differential check on this machine's system headers against gcc (tests/sysheaders, tests/test_system_headers.py).
