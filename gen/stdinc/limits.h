/* <limits.h> (C17 5.2.4.2.1), gen's built-in standard header for every
   target: the limits of the target's integer types, from its predefined
   macros, with the types clang gives them. Searched last: on Linux,
   glibc's <limits.h> comes first and includes this one (#include_next)
   for the limits a compiler knows. */

#ifndef __gen_limits_h
#define __gen_limits_h 1

/* glibc's <limits.h> includes the compiler's unless this is defined, as
   gcc's and clang's <limits.h> both define it. */
#ifndef _GCC_LIMITS_H_
#define _GCC_LIMITS_H_ 1
#endif

#define CHAR_BIT __CHAR_BIT__
/* A C library may know better (glibc: 16). */
#ifndef MB_LEN_MAX
#define MB_LEN_MAX 1
#endif

#define SCHAR_MIN (-__SCHAR_MAX__ - 1)
#define SCHAR_MAX __SCHAR_MAX__
#define UCHAR_MAX (__SCHAR_MAX__ * 2 + 1)
#ifdef __CHAR_UNSIGNED__
#define CHAR_MIN 0
#define CHAR_MAX UCHAR_MAX
#else
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX __SCHAR_MAX__
#endif

#define SHRT_MIN (-__SHRT_MAX__ - 1)
#define SHRT_MAX __SHRT_MAX__
#define USHRT_MAX (__SHRT_MAX__ * 2 + 1)
#define INT_MIN (-__INT_MAX__ - 1)
#define INT_MAX __INT_MAX__
#define UINT_MAX (__INT_MAX__ * 2U + 1U)
#define LONG_MIN (-__LONG_MAX__ - 1L)
#define LONG_MAX __LONG_MAX__
#define ULONG_MAX (__LONG_MAX__ * 2UL + 1UL)
#define LLONG_MIN (-__LONG_LONG_MAX__ - 1LL)
#define LLONG_MAX __LONG_LONG_MAX__
#define ULLONG_MAX (__LONG_LONG_MAX__ * 2ULL + 1ULL)

/* The GNU names: with glibc when it asks for GNU extensions, elsewhere
   unless strict ISO C is asked for. */
#if defined(__GNU_LIBRARY__) ? defined(__USE_GNU) : !defined(__STRICT_ANSI__)
#define LONG_LONG_MIN (-__LONG_LONG_MAX__ - 1LL)
#define LONG_LONG_MAX __LONG_LONG_MAX__
#define ULONG_LONG_MAX (__LONG_LONG_MAX__ * 2ULL + 1ULL)
#endif

#endif /* __gen_limits_h */
