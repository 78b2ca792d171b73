// `banmian watch ISSUE_DIR`: renders the issue, serves the live preview on 127.0.0.1 and
// renders again whenever one of its input files changes, until Ctrl-C or SIGTERM.
//
// A burst of changes (a save in several writes, several files saved at once) is rendered
// once, in the state it ends in: after a change the command waits until the folders have
// been quiet for kQuietMs (at most kMostWaitMs in all), and changes that come during a
// render are rendered once after it, unless the files are then as the render read them. A
// render that stops on input errors prints them and keeps serving the last good pages (if
// any); the server stops only on a signal. A folder that is not an issue, a missing
// --layouts folder or a --dpi too high for the pages is refused at start (exit 2). An
// issue folder that disappears is awaited until it comes back. Nothing is written to disk
// (docs/watch.md).
#pragma once

#include <iosfwd>

#include "pipeline/pipeline.h"

namespace banmian {

struct WatchOptions {
  RunOptions run;       // issue_dir, fonts_dir, layouts_dir, png_dpi, jobs
  int port = 5178;      // 0: a free port
  bool quiet = false;   // print only the address and errors
  bool colour = false;  // colour the severity words and carets of errors (cli/colour.h)
};

inline constexpr int kDefaultWatchPort = 5178;
inline constexpr int kQuietMs = 15;
inline constexpr int kMostWaitMs = 500;

// Runs until a signal; the exit status: 0 after a signal, 2 when it could not start (the
// fonts, the port, inotify, not an issue, --layouts, --dpi). The address goes to `out` ("banmian
// watch: serving http://127.0.0.1:5178/ …"), each render's line and errors to `err`.
int RunWatch(const WatchOptions& options, std::ostream& out, std::ostream& err);

}  // namespace banmian
