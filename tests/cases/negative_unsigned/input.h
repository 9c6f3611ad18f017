/* Negative and unsigned values, and the enum's underlying type. */
typedef enum {
    SIGNED_MINUS_ONE = -1,
    SIGNED_INT_MIN = -2147483647 - 1,
    SIGNED_SMALL = -42
} SIGNED_VALUES;

typedef enum {
    UNSIGNED_TOP_BIT = 0x80000000,
    UNSIGNED_ALL_BITS = 0xFFFFFFFF,
    UNSIGNED_FROM_CAST = (unsigned int)-2,
    UNSIGNED_SUFFIX = 3000000000u
} UNSIGNED_VALUES;

/* -1 and 0x80000000 together need a 64-bit type. */
enum mixed_sign { MIXED_NEG = -1, MIXED_BIG = 0x80000000 };

/* 64-bit values: beyond JavaScript's safe integers. */
enum : unsigned long long {
    HUGE_ALL_BITS = 0xFFFFFFFFFFFFFFFFull,
    HUGE_SAFE_MAX = 9007199254740991ull,
    HUGE_UNSAFE = 9007199254740993ull
};
