/* gen shim: see _gen_winbase.h. Stands in for the SDK header of this name. */
#include "_gen_winbase.h"
