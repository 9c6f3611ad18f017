/* A file header comment, followed by a blank line: it describes nothing. */

/**
 * How a Vulkan-style header documents an enum: a Doxygen block before it.
 *
 * A second paragraph.
 */
typedef enum VkSampleMode {
    VK_SAMPLE_MODE_NEAREST = 0,  /**< Nearest texel. */
    VK_SAMPLE_MODE_LINEAR = 1,   ///< Linear filtering.
    /** Cubic filtering, documented before the member. */
    VK_SAMPLE_MODE_CUBIC = 2,
    VK_SAMPLE_MODE_MAX_ENUM = 0x7FFFFFFF
} VkSampleMode;

/* Plain comments, as Wine and mingw-w64 write them. */
typedef /* [v1_enum] */ enum tagWINE_STYLE {
    WS_FIRST = 1,   /* after the member, on its line */
    /* above the member */
    WS_SECOND = 2,
    WS_THIRD = 4    // a line comment after the last member
} WINE_STYLE;

// Not directly above the enum: a blank line follows.

enum undocumented { UNDOC_A, UNDOC_B };

/* Flags for Connect: one heading over the run, so the group's description. */
#define CONNECT_FAST   0x1
#define CONNECT_SECURE 0x2
#define CONNECT_RETRY  0x4

// Result codes of the first kind
#define RESULT_OK       0
#define RESULT_BUSY     1  /* try again later */
// Result codes of the second kind
#define RESULT_LOST     2
#define RESULT_DENIED   3

/* The one port: a comment above a lone constant describes it. */
#define DEFAULT_PORT 8080
