// A program as a user of gen's TypeScript writes it, against the golden
// outputs (tests/test_usage.py copies them beside it under these names).
import { ACCESS, hasFlags, isACCESS, nameOfPHASE, PHASE } from "./flags";
import { BigFlags, Big64, hasFlags as hasBigFlags, nameOfBig64, valuesOfBig64 } from "./values_64bit";
import { isSAMPLE_RESULT, nameOfSAMPLE_RESULT, SAMPLE_RESULT } from "./hresult_codes";
import { isSMTPCOMMAND, IXP_E, nameOfIXP_E, POP3MARKTYPE, valuesOfSMTPCOMMAND } from "./imnxport";

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`failed: ${what}`);
}

// Flags combine, and the result is still the flags type.
const rw: ACCESS = ACCESS.ACCESS_READ | ACCESS.ACCESS_WRITE;
check(hasFlags(rw, ACCESS.ACCESS_READ) && !hasFlags(rw, ACCESS.ACCESS_EXECUTE), "bit tests on combined flags");
check(isACCESS(rw) && !isACCESS(8), "a combination is an ACCESS; an unknown bit is not");
const marks: POP3MARKTYPE = POP3MARKTYPE.POP3_MARK_FOR_TOP | POP3MARKTYPE.POP3_MARK_FOR_DELE;
check((marks & POP3MARKTYPE.POP3_MARK_FOR_DELE) !== 0, "the plain idiom works too");

// 64-bit: every member of the enum is a bigint, so | and & type-check.
const wide: BigFlags = BigFlags.BF_LOW | BigFlags.BF_HIGH;
check(hasBigFlags(wide, BigFlags.BF_HIGH) && !hasBigFlags(wide, BigFlags.BF_MID), "bit tests on a 64-bit enum");
check((wide & BigFlags.BF_HIGH) === 9223372036854775808n, "a 64-bit bit survives");
check(Big64.MAX_SAFE + 2n === Big64.OVER_SAFE, "bigint arithmetic across members");
check(nameOfBig64(-9223372036854775808n) === "I64_MIN" && valuesOfBig64.length === 4, "64-bit lookups");

// HRESULTs: the unsigned spelling a COM call returns finds the code.
check(nameOfIXP_E(0x800ccc60) === "IXP_E_SMTP_RESPONSE_ERROR", "unsigned HRESULT lookup");
check(nameOfIXP_E(IXP_E.IXP_E_SMTP_RESPONSE_ERROR) === "IXP_E_SMTP_RESPONSE_ERROR", "signed HRESULT lookup");
check(nameOfSAMPLE_RESULT(0x80070005) === "SAMPLE_E_ACCESS", "aliases: the first declared name");
check(nameOfIXP_E(0x800cffff) === undefined, "an unknown code has no name");
check(isSAMPLE_RESULT(SAMPLE_RESULT.SAMPLE_E_FIRST) && !isSAMPLE_RESULT(0x80770001), "the type guard takes the value itself");

// The README's lookups.
check(isSMTPCOMMAND(3) && !isSMTPCOMMAND(99) && valuesOfSMTPCOMMAND.length === 15, "type guard and values");

// Counters: the reverse lookup.
check(nameOfPHASE(PHASE.PHASE_DONE) === "PHASE_DONE" && nameOfPHASE(7) === undefined, "name by value");

console.log("usage.ts: all checks passed");
