/* <stddef.h> (C17 7.19), gen's built-in standard header for every target.

   Each type is the one the target's predefined macros name
   (gen/data/predefined-<target>.h), as the compiler's own header does, so
   one file serves LP64 Linux, LLP64 and ILP32 Windows alike. It is searched
   last, after -I, the system folders and the shims: a real C library or SDK
   that has its own <stddef.h> wins.

   C libraries ask for single definitions by defining __need_size_t,
   __need_ptrdiff_t, __need_wchar_t, __need_wint_t, __need_NULL,
   __need_max_align_t or __need_offsetof first (glibc does); then only those
   are defined, and the requests are forgotten. Typedefs may be repeated
   (C11 6.7p3), so no guard is needed around them. */

#if !defined(__need_size_t) && !defined(__need_ptrdiff_t) && !defined(__need_wchar_t) \
    && !defined(__need_wint_t) && !defined(__need_NULL) && !defined(__need_max_align_t) \
    && !defined(__need_offsetof)
#define __gen_stddef_whole 1
#endif

#if defined(__gen_stddef_whole) || defined(__need_size_t)
typedef __SIZE_TYPE__ size_t;
#endif

#if defined(__gen_stddef_whole) || defined(__need_ptrdiff_t)
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#endif

#if defined(__gen_stddef_whole) || defined(__need_wchar_t)
typedef __WCHAR_TYPE__ wchar_t;
#endif

/* wint_t belongs to <wchar.h>; <stddef.h> gives it only on request. */
#if defined(__need_wint_t)
typedef __WINT_TYPE__ wint_t;
#endif

#if defined(__gen_stddef_whole) || defined(__need_NULL)
#undef NULL
#define NULL ((void *)0)
#endif

#if defined(__gen_stddef_whole) || defined(__need_offsetof)
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif

/* The type of the strictest fundamental alignment (C11): a struct of the
   two most strictly aligned scalar types, each at its preferred alignment.
   Unlike a typedef of a scalar, a struct cannot be defined twice: guarded. */
#if ((defined(__gen_stddef_whole) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L) \
     || defined(__need_max_align_t)) && !defined(__gen_max_align_t_defined)
#define __gen_max_align_t_defined 1
typedef struct {
  long long __gen_max_align_long_long __attribute__((__aligned__(__alignof__(long long))));
  long double __gen_max_align_long_double __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;
#endif

/* C11 Annex K */
#if defined(__gen_stddef_whole) && defined(__STDC_WANT_LIB_EXT1__) && __STDC_WANT_LIB_EXT1__ >= 1
typedef __SIZE_TYPE__ rsize_t;
#endif

#undef __gen_stddef_whole
#undef __need_size_t
#undef __need_ptrdiff_t
#undef __need_wchar_t
#undef __need_wint_t
#undef __need_NULL
#undef __need_max_align_t
#undef __need_offsetof
