/* <iso646.h> (C17 7.9), gen's built-in standard header for every target. */

#ifndef __gen_iso646_h
#define __gen_iso646_h 1

#define and &&
#define and_eq &=
#define bitand &
#define bitor |
#define compl ~
#define not !
#define not_eq !=
#define or ||
#define or_eq |=
#define xor ^
#define xor_eq ^=

#endif /* __gen_iso646_h */
