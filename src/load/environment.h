// The environment variables banmian reads, checked before anything is composed.
//
// SOURCE_DATE_EPOCH (reproducible builds: the time printed in the press slug) must be a
// whole number of seconds since 1970, as its specification asks: a malformed value is an
// error naming the variable, never silently the time of the run. (BANMIAN_FONTS, when it
// names no font configuration, is reported by the font set, as --fonts is.)
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/diagnostic.h"

namespace banmian {

// The seconds SOURCE_DATE_EPOCH gives: digits only, up to the end of year 9999; nothing
// (and `error` set) when it is anything else.
std::optional<int64_t> ParseSourceDateEpoch(const std::string& value, std::string& error);

// Reports every environment variable banmian reads whose value is malformed.
void CheckEnvironment(Diagnostics& diags);

}  // namespace banmian
