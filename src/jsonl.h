/*
 * jsonl.h - batch mode of the brief CLI (--jsonl): one JSON record in, one
 * JSON result out. Not part of the library.
 */
#ifndef BRIEF_JSONL_H
#define BRIEF_JSONL_H

#include <stddef.h>
#include "brief.h"

/*
 * Process one input line (len bytes, may end in "\n"; lineno counts from
 * 1). The line must be a JSON object with a string member "text"; every
 * other member (e.g. "id") is copied into the result object unchanged. The
 * result is one line: {...passed-through members..., "brief": <the object
 * brief_render(BRIEF_FORMAT_JSON) writes>} or, for a bad record,
 * {"line": N, ...passed-through "id" if any..., "error": "reason"}. Blank
 * lines are skipped (nothing is written).
 * Returns BRIEF_OK (also after writing an error record), BRIEF_ERR_NOMEM or
 * BRIEF_ERR_WRITE.
 */
int brief_cli_jsonl_line(const brief_options *opts, const char *line,
                         size_t len, size_t lineno, brief_write_fn fn,
                         void *ctx);

#endif /* BRIEF_JSONL_H */
