/* <stdalign.h> (C17 7.15), gen's built-in standard header for every target. */

#ifndef __gen_stdalign_h
#define __gen_stdalign_h 1

#define alignas _Alignas
#define alignof _Alignof
#define __alignas_is_defined 1
#define __alignof_is_defined 1

#endif /* __gen_stdalign_h */
