/* <stdint.h> (C17 7.20), gen's built-in standard header for every target.

   The types are those the target's predefined macros name
   (gen/data/predefined-<target>.h); the limits have the values and the
   types clang gives them for the target. Where C leaves the choice open,
   clang's choice is kept: the fast types are the least types, and an
   unsigned constant narrower than int is written with a U suffix
   (UINT8_MAX is 255U, an unsigned int). Searched last: a real C library's
   <stdint.h> wins. */

#ifndef __gen_stdint_h
#define __gen_stdint_h 1

/* 7.20.1 Integer types */
typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;

typedef __INT_LEAST8_TYPE__ int_least8_t;
typedef __INT_LEAST16_TYPE__ int_least16_t;
typedef __INT_LEAST32_TYPE__ int_least32_t;
typedef __INT_LEAST64_TYPE__ int_least64_t;
typedef __UINT_LEAST8_TYPE__ uint_least8_t;
typedef __UINT_LEAST16_TYPE__ uint_least16_t;
typedef __UINT_LEAST32_TYPE__ uint_least32_t;
typedef __UINT_LEAST64_TYPE__ uint_least64_t;

typedef __INT_FAST8_TYPE__ int_fast8_t;
typedef __INT_FAST16_TYPE__ int_fast16_t;
typedef __INT_FAST32_TYPE__ int_fast32_t;
typedef __INT_FAST64_TYPE__ int_fast64_t;
typedef __UINT_FAST8_TYPE__ uint_fast8_t;
typedef __UINT_FAST16_TYPE__ uint_fast16_t;
typedef __UINT_FAST32_TYPE__ uint_fast32_t;
typedef __UINT_FAST64_TYPE__ uint_fast64_t;

typedef __INTPTR_TYPE__ intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef __INTMAX_TYPE__ intmax_t;
typedef __UINTMAX_TYPE__ uintmax_t;

/* 7.20.4 Macros for integer constants: the value with the target's suffix
   (two steps, so that the suffix macro is expanded before pasting). */
#define __gen_paste(value, suffix) value##suffix
#define __gen_suffixed(value, suffix) __gen_paste(value, suffix)

#define INT8_C(value) value
#define INT16_C(value) value
#define INT32_C(value) __gen_suffixed(value, __INT32_C_SUFFIX__)
#define INT64_C(value) __gen_suffixed(value, __INT64_C_SUFFIX__)
#define UINT8_C(value) value##U
#define UINT16_C(value) value##U
#define UINT32_C(value) __gen_suffixed(value##U, __INT32_C_SUFFIX__)
#define UINT64_C(value) __gen_suffixed(value##U, __INT64_C_SUFFIX__)
#define INTMAX_C(value) __gen_suffixed(value, __INTMAX_C_SUFFIX__)
#define UINTMAX_C(value) __gen_suffixed(value, __UINTMAX_C_SUFFIX__)

/* 7.20.2.1 Limits of exact-width integer types */
#define INT8_MAX INT8_C(127)
#define INT16_MAX INT16_C(32767)
#define INT32_MAX INT32_C(2147483647)
#define INT64_MAX INT64_C(9223372036854775807)
#define INT8_MIN (-INT8_MAX - 1)
#define INT16_MIN (-INT16_MAX - 1)
#define INT32_MIN (-INT32_MAX - 1)
#define INT64_MIN (-INT64_MAX - 1)
#define UINT8_MAX UINT8_C(255)
#define UINT16_MAX UINT16_C(65535)
#define UINT32_MAX UINT32_C(4294967295)
#define UINT64_MAX UINT64_C(18446744073709551615)

/* 7.20.2.2 Limits of minimum-width integer types */
#define INT_LEAST8_MIN INT8_MIN
#define INT_LEAST16_MIN INT16_MIN
#define INT_LEAST32_MIN INT32_MIN
#define INT_LEAST64_MIN INT64_MIN
#define INT_LEAST8_MAX INT8_MAX
#define INT_LEAST16_MAX INT16_MAX
#define INT_LEAST32_MAX INT32_MAX
#define INT_LEAST64_MAX INT64_MAX
#define UINT_LEAST8_MAX UINT8_MAX
#define UINT_LEAST16_MAX UINT16_MAX
#define UINT_LEAST32_MAX UINT32_MAX
#define UINT_LEAST64_MAX UINT64_MAX

/* 7.20.2.3 Limits of fastest minimum-width integer types */
#define INT_FAST8_MIN INT8_MIN
#define INT_FAST16_MIN INT16_MIN
#define INT_FAST32_MIN INT32_MIN
#define INT_FAST64_MIN INT64_MIN
#define INT_FAST8_MAX INT8_MAX
#define INT_FAST16_MAX INT16_MAX
#define INT_FAST32_MAX INT32_MAX
#define INT_FAST64_MAX INT64_MAX
#define UINT_FAST8_MAX UINT8_MAX
#define UINT_FAST16_MAX UINT16_MAX
#define UINT_FAST32_MAX UINT32_MAX
#define UINT_FAST64_MAX UINT64_MAX

/* 7.20.2.4 Limits of integer types capable of holding object pointers */
#define INTPTR_MIN (-__INTPTR_MAX__ - 1)
#define INTPTR_MAX __INTPTR_MAX__
#define UINTPTR_MAX __UINTPTR_MAX__

/* 7.20.2.5 Limits of greatest-width integer types */
#define INTMAX_MIN (-__INTMAX_MAX__ - 1)
#define INTMAX_MAX __INTMAX_MAX__
#define UINTMAX_MAX __UINTMAX_MAX__

/* 7.20.3 Limits of other integer types */
#define PTRDIFF_MIN (-__PTRDIFF_MAX__ - 1)
#define PTRDIFF_MAX __PTRDIFF_MAX__
#define SIG_ATOMIC_MIN (-__SIG_ATOMIC_MAX__ - 1)
#define SIG_ATOMIC_MAX __SIG_ATOMIC_MAX__
#define SIZE_MAX __SIZE_MAX__

/* <wchar.h> defines these too. An unsigned wchar_t or wint_t (Windows:
   unsigned short) has the limits of the exact-width type of its width. */
#ifndef WCHAR_MAX
#define WCHAR_MAX __WCHAR_MAX__
#endif
#ifndef WCHAR_MIN
#ifdef __WCHAR_UNSIGNED__
#define WCHAR_MIN 0U
#else
#define WCHAR_MIN (-__WCHAR_MAX__ - 1)
#endif
#endif
#ifdef __WINT_UNSIGNED__
#define WINT_MIN 0U
#if __WINT_WIDTH__ == 16
#define WINT_MAX UINT16_MAX
#else
#define WINT_MAX UINT32_MAX
#endif
#else
#define WINT_MIN (-__WINT_MAX__ - 1)
#define WINT_MAX __WINT_MAX__
#endif

/* C11 Annex K */
#if defined(__STDC_WANT_LIB_EXT1__) && __STDC_WANT_LIB_EXT1__ >= 1
#define RSIZE_MAX (SIZE_MAX >> 1)
#endif

#endif /* __gen_stdint_h */
