// The press output condition's ICC profile: the one place its bytes come from.
//
// A paper may name its plant's own CMYK profile (press: profile:, a path the loader has
// already checked lies inside the paper's folder); when it names none, the press files use
// the built-in newsprint profile, built from the ICC-registered characterisation data
// CGATS TR 002 (coldset offset on newsprint, SNAP) by scripts/newsprint-profile.sh and
// compiled into the program from src/render/newsprint-tr002.icc, so nothing depends on a file
// at run time. The PDF/X OutputIntent embeds these bytes and the pictures are separated
// through them.
#pragma once

#include <optional>
#include <string>

namespace banmian {

// What the OutputIntent says of the built-in profile: the ICC registry's reference name of
// its characterisation data, the registry, and a description for people.
inline constexpr const char* kBuiltInConditionIdentifier = "CGATS TR 002";
inline constexpr const char* kBuiltInRegistryName = "http://www.color.org";
inline constexpr const char* kBuiltInCondition = "Newsprint (CGATS TR 002, SNAP)";

// The built-in newsprint profile's bytes.
const std::string& BuiltInOutputProfile();

// The output profile's bytes: the file at `path`, or the built-in profile when `path` is
// empty. Nothing, with `error`, when the file cannot be read or is not a CMYK output
// (printer) or colour-space ICC profile.
std::optional<std::string> OutputProfileBytes(const std::string& path, std::string& error);

}  // namespace banmian
