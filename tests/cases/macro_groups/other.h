/* Included: its macros are not extracted by default, but can be used. */
#define OTHER_BASE 0x100
#define OTHER_FLAG 0x1
