#include <windows.h>

#define SHIFTED(n) (1u << (n))
#define MASK_LOW 0x0F

/* Every operator class and the casts a Windows header uses. */
enum operators {
    OP_ADD = 1 + 2,
    OP_SUB = 1 - 2,
    OP_MUL = 6 * 7,
    OP_DIV = -7 / 2,
    OP_MOD = -7 % 2,
    OP_SHL = SHIFTED(4),
    OP_SHR = -16 >> 2,
    OP_AND = 0xF0 & 0x3C,
    OP_OR = 0xF0 | MASK_LOW,
    OP_XOR = 0xFF ^ 0x0F,
    OP_NOT = ~0,
    OP_LNOT = !5,
    OP_NEG = -(3),
    OP_LT = -1 < 0u,
    OP_GE = 2 >= 2,
    OP_EQ = 3 == 3,
    OP_NE = 3 != 3,
    OP_LAND = 2 && 0,
    OP_LOR = 0 || 7,
    OP_TERNARY = 1 ? 10 : 20,
    OP_COMMA = (1, 2),
    OP_OCTAL = 0755,
    OP_CHAR = 'A',
    OP_ESCAPE = '\n',
    OP_MULTICHAR = 'ab',
    OP_WIDE_CHAR = L'\xffff'
};

/* Casts through Windows typedefs: LLP64, so long and DWORD are 32 bits. */
enum casts {
    CAST_DWORD = (DWORD)-1,
    CAST_BYTE = (BYTE)0x1FF,
    CAST_SHORT = (SHORT)0x8000,
    CAST_BOOL = (_Bool)42,
    CAST_FLOAT = (int)2.9,
    SIZE_LONG = sizeof(long),
    SIZE_PTR = sizeof(LONG_PTR),
    SIZE_HANDLE = sizeof(HANDLE),
    SIZE_INT64 = sizeof(__int64)
};
