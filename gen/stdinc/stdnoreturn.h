/* <stdnoreturn.h> (C17 7.23), gen's built-in standard header for every target. */

#ifndef __gen_stdnoreturn_h
#define __gen_stdnoreturn_h 1

#define noreturn _Noreturn

#endif /* __gen_stdnoreturn_h */
