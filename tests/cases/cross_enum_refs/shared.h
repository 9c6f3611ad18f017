/* Included: its enums are not output, but their values can be used. */
enum base_values { BASE_FIRST = 100, BASE_SECOND };
