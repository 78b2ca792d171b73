// Writing a file that does not exist yet: the one way banmian writes its output files.
//
// The file is created exclusively (O_EXCL) and never through a symbolic link
// (O_NOFOLLOW), so a link or file planted at its name is an error, never followed or
// overwritten. A write that fails (a full disk, a file-size limit) removes what it had
// written and says why. banmian writes only into a staging folder it has just made
// itself (pipeline/output_folder.h), so a file already there is a bug or an attack.
#pragma once

#include <string>
#include <string_view>

namespace banmian {

// Writes `data` as the new file `path` (mode 0666 less the umask). False with `error`
// set ("cannot write 'path': No space left on device") when it cannot.
bool WriteNewFile(const std::string& path, std::string_view data, std::string& error);

// "path: reason" for the errno of a failed call, the way banmian words system errors.
std::string SystemError(const std::string& what, const std::string& path, int error_number);

}  // namespace banmian
