/* Values a target cannot hold as a plain number: past 2**53 (JavaScript
   numbers), past 2**63 (signed 64-bit), negative values next to flag bits. */

enum Big64 {
    MAX_SAFE = 9007199254740991,   /* 2**53 - 1: a number alone; a bigint here, as OVER_SAFE needs one */
    OVER_SAFE = 9007199254740993,  /* 2**53 + 1: a bigint (a string in TypeScript enums) */
    I64_MAX = 0x7fffffffffffffff,
    I64_MIN = -0x7fffffffffffffff - 1
};

enum U64 {
    U64_ZERO = 0,
    U64_MAX = 0xffffffffffffffffull
};

/* Flag bits and a negative mask: never IntFlag (enum.IntFlag cannot hold -1). */
enum NegFlags {
    NF_READ = 0x1,
    NF_WRITE = 0x2,
    NF_EXEC = 0x4,
    NF_ALL = -1
};

/* 64-bit flags: IntFlag; bigint in TypeScript (number bit operations have 32 bits). */
enum BigFlags {
    BF_LOW = 0x1,
    BF_MID = 0x100000000ull,
    BF_HIGH = 0x8000000000000000ull,
    BF_BOTH = BF_LOW | BF_HIGH
};

/* Implicit values across 2**32 and 2**63 keep the enum's 64-bit type. */
enum Counting {
    C_BEFORE_U32 = 0xfffffffe,
    C_U32_MAX,
    C_PAST_U32,
    C_BEFORE_I64 = 0x7ffffffffffffffe,
    C_I64_MAX,
    C_PAST_I64
};

enum { ANON_BIG = 0x123456789abcdef0ull, ANON_NEG = -0x123456789abcdef0ll };
