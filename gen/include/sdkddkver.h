/* gen shim: see _gen_winbase.h. Target Windows versions default to the
   latest, as a current SDK does when nothing else is asked for. */
#include "_gen_winbase.h"
