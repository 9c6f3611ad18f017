/* <wchar.h> (C17 7.29), gen's built-in standard header for every target:
   its types and macros, not its functions (a header that only needs the
   types then works without a C library). Searched last: a real C
   library's <wchar.h> wins. */

#ifndef __gen_wchar_h
#define __gen_wchar_h 1

#define __need_size_t
#define __need_wchar_t
#define __need_wint_t
#define __need_NULL
#include <stddef.h>
#include "_gen_mbstate.h"

struct tm;

/* The C library's limits (also in <stdint.h>): msvcrt's are unsigned
   ints; glibc's follow the compiler's. */
#ifndef WCHAR_MIN
#ifdef _WIN32
#define WCHAR_MIN 0U
#define WCHAR_MAX 0xffffU
#elif defined(__WCHAR_UNSIGNED__)
#define WCHAR_MIN 0U
#define WCHAR_MAX __WCHAR_MAX__
#else
#define WCHAR_MIN (-__WCHAR_MAX__ - 1)
#define WCHAR_MAX __WCHAR_MAX__
#endif
#endif

/* The C library's value: msvcrt's wint_t is unsigned short. */
#ifdef _WIN32
#define WEOF ((wint_t)0xFFFF)
#else
#define WEOF (0xffffffffu)
#endif

#endif /* __gen_wchar_h */
