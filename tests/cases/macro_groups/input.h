#include <windows.h>
#include "other.h"

/* A flag type followed by its values: one group named after the typedef. */
typedef DWORD OPEN_FLAGS;
#define OPEN_READ       0x0001
#define OPEN_WRITE      0x0002
#define OPEN_CREATE     0x0004
#define OPEN_ALL        (OPEN_READ | OPEN_WRITE | OPEN_CREATE)

/* Error codes built with a function-like macro: HRESULTs, negative. */
#ifndef FACILITY_SAMPLE
#define FACILITY_SAMPLE 0x55
#endif
#define SAMPLE_ERR(n)   MAKE_HRESULT(SEVERITY_ERROR, FACILITY_SAMPLE, n)
#define SAMPLE_OK(n)    MAKE_HRESULT(SEVERITY_SUCCESS, FACILITY_SAMPLE, n)

// interleaved prefixes: SMP_E_* and SMP_S_* become two groups
#define SMP_E_FAILED        SAMPLE_ERR(1)
#define SMP_E_TIMEOUT       SAMPLE_ERR(2)
#define SMP_S_PENDING       SAMPLE_OK(3)
#define SMP_E_REFUSED       SAMPLE_ERR(4)
#define SMP_S_DONE          SAMPLE_OK(5)

/* Plain values: grouped by their first name segment. */
#define PORT_HTTP       (80)
#define PORT_HTTPS      (443)
#define LIMIT_NAME      ( 256 )
#define lmtSMALL        (TRUE)
#define lmtLARGE        (FALSE)
#define MASK_ALL        ( ( ULONG )-1 )
#define DERIVED         (OTHER_BASE + OTHER_FLAG)

/* Not integer constants: skipped. */
#define GREETING        "hello"
#define POINTER_TYPE    int *
#define STATEMENT       do { } while (0)
#define ICallback_Run(This, a) (This)->lpVtbl->Run(This, a)
#define USES_VARIABLE   (some_variable + 1)
#define __RESERVED_NAME 7
#define EMPTY_SWITCH

/* Clashes with the enum's name below: the group gets a suffix. */
typedef enum tagCOLOR { COLOR_RED, COLOR_BLUE } COLOR;
#define COLOR_DEFAULT   COLOR_RED
#define COLOR_ALT       COLOR_BLUE

/* A function in the arm of ?: not taken still makes no constant (clang: not an integer type). */
void TraceFn(void);
#define TRACE_OFF       1 ? 0 : TraceFn
