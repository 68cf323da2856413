/*
 * onebrief.c - the whole library as one translation unit, as Lua's
 * onelua.c: the library sources (LIB_SRC of the Makefile), in its order.
 *
 *   cc -O2 -std=c99 -Iinclude -c src/onebrief.c
 *
 * The compile-time switches (-DBRIEF_NO_LANGS, ...) work as in the normal
 * build. It compiles because every file-scope name with internal linkage
 * (static function or object, typedef, tag, enum constant) and every
 * private macro is unique across the sources, or defined identically, or
 * #undef'd at the end of its file; `make check-amalg` builds this with
 * -Wshadow -Werror, which fails on a clash. `make amalgamation` expands
 * the includes into the drop-in build/amalg/brief.c (tools/amalgamate.sh).
 * A new library source goes here as well as in LIB_SRC.
 */
#include "arena.c"
#include "util.c"
#include "normalize.c"
#include "entity.c"
#include "html.c"
#include "extract.c"
#include "markdown.c"
#include "segment.c"
#include "clean.c"
#include "lang.c"
#include "terms.c"
#include "keywords.c"
#include "score.c"
#include "select.c"
#include "brief.c"
#include "render.c"
#include "charset.c"
#include "stem_english.c"
#include "stem_german.c"
#include "stem_french.c"
#include "stem_spanish.c"
#include "stem_italian.c"
#include "stem_portuguese.c"
#include "stem_dutch.c"
#include "stem_swedish.c"
#include "stem_util.c"
#include "arenasize.c"
