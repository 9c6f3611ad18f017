/* mbstate_t for gen's <wchar.h> and <uchar.h>: the C library's type, which
   the data model does not decide. Windows (msvcrt, mingw-w64, Wine): an
   int. Elsewhere glibc's layout: a count and four bytes of pending
   character. */

#ifndef __gen_mbstate_h
#define __gen_mbstate_h 1

#ifdef _WIN32
typedef int mbstate_t;
#else
typedef struct {
  int __gen_count;
  union {
    __WINT_TYPE__ __gen_wch;
    char __gen_wchb[4];
  } __gen_value;
} mbstate_t;
#endif

#endif /* __gen_mbstate_h */
