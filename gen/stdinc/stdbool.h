/* <stdbool.h> (C17 7.18), gen's built-in standard header for every target. */

#ifndef __gen_stdbool_h
#define __gen_stdbool_h 1

#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1

#endif /* __gen_stdbool_h */
