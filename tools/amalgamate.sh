#!/bin/sh
# amalgamate.sh OUTDIR - the single-file drop-in OUTDIR/brief.c + brief.h:
# src/onebrief.c with its #include "..." of project files expanded in place
# (each file once: the headers have include guards, each .inc has one
# includer); "brief.h" stays an include, and brief.h is include/brief.h.
set -e
mkdir -p "$1"
cp include/brief.h "$1/brief.h"
v=$(sed -n 's/^#define BRIEF_VERSION "\(.*\)"/\1/p' include/brief.h)
{ echo "/* brief.c - brief $v in one file, made by tools/amalgamate.sh from"
  echo " * src/onebrief.c (do not edit): cc -std=c99 -O2 -c brief.c, brief.h beside */"
awk 'function put(f,  l) {
         if (f in done) return; done[f] = 1
         while ((getline l < f) > 0)
             if (l ~ /^#include "/ && l !~ /"brief\.h"/) {
                 split(l, q, "\""); put("src/" q[2])
             } else print l
         close(f)
     }
     BEGIN { put("src/onebrief.c") }'; } > "$1/brief.c"
