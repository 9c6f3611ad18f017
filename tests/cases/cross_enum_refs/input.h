#include "shared.h"

typedef enum tagLEVEL { LEVEL_LOW = 1, LEVEL_HIGH = 5 } LEVEL;

/* References to enumerators of earlier enums, local and included. */
typedef enum tagDERIVED {
    DERIVED_FROM_LEVEL = LEVEL_HIGH * 2,
    DERIVED_FROM_INCLUDE = BASE_SECOND + 1,
    DERIVED_SELF = DERIVED_FROM_LEVEL | DERIVED_FROM_INCLUDE,
    DERIVED_NEXT
} DERIVED;
