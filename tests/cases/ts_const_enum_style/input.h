typedef enum tagFRUIT { FRUIT_APPLE = 1, FRUIT_PEAR, FRUIT_PLUM = -3 } FRUIT;

/* A 64-bit value: TypeScript enums cannot hold bigint, so it is a string. */
enum : unsigned long long { BIG_VALUE = 0xFFFFFFFFFFFFFFFFull, SMALL_VALUE = 1 };
enum wide_values : unsigned long long { WIDE_SAFE = 1, WIDE_UNSAFE = 0x8000000000000000ull };
