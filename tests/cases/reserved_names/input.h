/* Enum names CommonJS binds in every module, or TypeScript's emitted prologue uses. */
enum require { REQUIRE_A = 1 };
enum exports { EXPORTS_A = 2 };
enum module { MODULE_A = 3 };
enum __esModule { ESMODULE_A = 4 };
enum Object { OBJECT_A = 5 };
enum __filename { FILENAME_A = 6 };

/* _E__B in class E is private to enum, not a member: it must be renamed. */
enum E { A = 1, _E__B = 2 };

/* Invisible characters: ‮right-to-left override‬, ⁦isolate⁩, zero​width. */
enum SPOOFED {
    SPOOF_A = 1  /* ends ‮here⁩ */
};

/* Enum names that are the local names of the TypeScript lookup helpers. */
enum k { K_A = 1, K_B = 2 };
enum v { V_A = 1 };
typedef enum code { CODE_E = (int)0x80004005 } code;
