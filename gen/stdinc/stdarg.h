/* <stdarg.h> (C17 7.16), gen's built-in standard header for every target.
   va_list is the compiler's own __builtin_va_list, whose size gen knows
   for each target. With __need___va_list defined first (glibc's <stdio.h>
   does) only __gnuc_va_list is defined. */

#ifndef __gen_gnuc_va_list
#define __gen_gnuc_va_list 1
typedef __builtin_va_list __gnuc_va_list;
#endif

#ifdef __need___va_list
#undef __need___va_list
#elif !defined(__gen_stdarg_h)
#define __gen_stdarg_h 1

typedef __builtin_va_list va_list;

#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_copy(dest, src) __builtin_va_copy(dest, src)
#define va_end(ap) __builtin_va_end(ap)
/* The GNU spelling from before C99. */
#define __va_copy(dest, src) __builtin_va_copy(dest, src)

#endif
