#include "base/new_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace banmian {

std::string SystemError(const std::string& what, const std::string& path, int error_number) {
  return what + " '" + path + "': " + std::strerror(error_number);
}

bool WriteNewFile(const std::string& path, std::string_view data, std::string& error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = SystemError("cannot create", path, errno);
    return false;
  }
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      // write() returns 0 only for a zero-length request; treat it as no space.
      error = SystemError("cannot write", path, n < 0 ? errno : ENOSPC);
      ::close(fd);
      ::unlink(path.c_str());
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    error = SystemError("cannot write", path, errno);
    ::unlink(path.c_str());
    return false;
  }
  return true;
}

}  // namespace banmian
