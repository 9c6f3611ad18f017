#include <winerror.h>

#define FACILITY_SAMPLE 0x77
#define SAMPLE_ERROR(code) MAKE_HRESULT(SEVERITY_ERROR, FACILITY_SAMPLE, code)

/* Error codes: negative as HRESULT, shown unsigned in comments. */
typedef enum tagSAMPLE_RESULT {
    SAMPLE_E_FIRST = SAMPLE_ERROR(1),
    SAMPLE_E_SECOND = SAMPLE_ERROR(2),
    SAMPLE_E_ACCESS = E_ACCESSDENIED,
    SAMPLE_E_WIN32 = HRESULT_FROM_WIN32(5)
} SAMPLE_RESULT;
