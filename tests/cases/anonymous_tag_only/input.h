/* Anonymous enums: their members become module-level constants. */
enum { MAX_NAME = 64, MAX_PATH_LEN = 260 };

/* A tag-only enum: named by its tag. */
enum state { STATE_IDLE, STATE_BUSY };

/* A forward typedef before the body gives the typedef name. */
typedef enum mode MODE;
enum mode { MODE_READ = 1, MODE_WRITE = 2 };

/* An enum declared inside a struct. */
struct packet {
    enum packet_kind { PACKET_DATA, PACKET_ACK } kind;
    int length;
};

/* typedef with pointer names: only the plain name names the enum. */
typedef enum tagSHAPE { SHAPE_CIRCLE, SHAPE_SQUARE } SHAPE, *PSHAPE;
