"""A program as a user of gen's Python writes it, against the golden outputs
(tests/test_usage.py puts them beside it under these names); checked with
mypy --strict and run."""

from flags import ACCESS
from hresult_codes import SAMPLE_RESULT
from imnxport import IXP_E, POP3MARKTYPE

# An HRESULT as a COM call returns it: unsigned.
assert IXP_E(0x800CCC60) is IXP_E.IXP_E_SMTP_RESPONSE_ERROR
assert IXP_E(-2146644896) is IXP_E.IXP_E_SMTP_RESPONSE_ERROR
assert IXP_E.IXP_E_SMTP_RESPONSE_ERROR.unsigned == 0x800CCC60
assert SAMPLE_RESULT(0x80070005) is SAMPLE_RESULT.SAMPLE_E_ACCESS
try:
    IXP_E(0x800CFFFF)
except ValueError as error:
    assert "is not a valid IXP_E" in str(error)
else:
    raise AssertionError("an unknown code must raise ValueError")

# Flags combine.
rw = ACCESS.ACCESS_READ | ACCESS.ACCESS_WRITE
assert ACCESS.ACCESS_WRITE in rw and ACCESS.ACCESS_EXECUTE not in rw
marks: POP3MARKTYPE = POP3MARKTYPE.POP3_MARK_FOR_TOP | POP3MARKTYPE.POP3_MARK_FOR_DELE
assert marks & POP3MARKTYPE.POP3_MARK_FOR_DELE

print("usage.py: all checks passed")
