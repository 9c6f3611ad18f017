/* Implicit values: 0 for the first, previous + 1 after that. */
typedef enum tagCOLOR {
    COLOR_RED,
    COLOR_GREEN,
    COLOR_BLUE = 10,
    COLOR_CYAN,
    COLOR_MAGENTA
} COLOR;

/* Past INT_MAX the next value moves to a wider type, as clang does. */
enum wide {
    WIDE_MAX = 0x7fffffff,
    WIDE_NEXT,
    WIDE_AFTER
};

/* An explicit value, then the count continues from it. */
typedef enum { STEP_A = -2, STEP_B, STEP_C, STEP_D } STEP;
