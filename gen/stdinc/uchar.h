/* <uchar.h> (C17 7.28), gen's built-in standard header for every target:
   its types, not its functions. Searched last: a real C library's
   <uchar.h> wins. */

#ifndef __gen_uchar_h
#define __gen_uchar_h 1

#define __need_size_t
#include <stddef.h>
#include "_gen_mbstate.h"

typedef __UINT_LEAST16_TYPE__ char16_t;
typedef __UINT_LEAST32_TYPE__ char32_t;

#endif /* __gen_uchar_h */
