/* A set of bit flags with a mask: IntFlag. */
typedef enum tagACCESS {
    ACCESS_NONE = 0,
    ACCESS_READ = 0x1,
    ACCESS_WRITE = 0x2,
    ACCESS_EXECUTE = 0x4,
    ACCESS_ALL = ACCESS_READ | ACCESS_WRITE | ACCESS_EXECUTE
} ACCESS;

/* Shift-written flags. */
enum option_bits { OPTION_A = 1 << 0, OPTION_B = 1 << 1, OPTION_C = 1 << 5 };

/* A counter that happens to hit powers of two: not flags. */
typedef enum tagPHASE { PHASE_INIT, PHASE_RUN, PHASE_DONE } PHASE;

/* A value that is not a combination of the bits: not flags. */
typedef enum tagODD { ODD_ONE = 1, ODD_TWO = 2, ODD_FOUR = 4, ODD_NINE = 9 } ODD;
