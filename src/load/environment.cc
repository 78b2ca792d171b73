#include "load/environment.h"

#include <charconv>
#include <cstdlib>

namespace banmian {

std::optional<int64_t> ParseSourceDateEpoch(const std::string& value, std::string& error) {
  constexpr int64_t kLast = 253402300799;  // 9999-12-31 23:59:59 UTC
  if (value.empty() || value.size() > 12 ||
      value.find_first_not_of("0123456789") != std::string::npos) {
    error = "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not '" +
            value + "'";
    return std::nullopt;
  }
  int64_t seconds = 0;
  std::from_chars(value.data(), value.data() + value.size(), seconds);  // 12 digits fit
  if (seconds > kLast) {
    error = "SOURCE_DATE_EPOCH " + value + " is after the year 9999";
    return std::nullopt;
  }
  return seconds;
}

void CheckEnvironment(Diagnostics& diags) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    std::string error;
    if (!ParseSourceDateEpoch(epoch, error))
      diags.Error("bad-environment", {"SOURCE_DATE_EPOCH", 0, 0}, error,
                  "set it to the seconds since 1970 (date +%s), or unset it to print the time "
                  "of the run");
  }
}

}  // namespace banmian
