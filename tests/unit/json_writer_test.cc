// JsonWriter against nlohmann::json::dump: report.json must stay byte-identical to what the
// ordered_json tree it replaced gave, so every case here is checked against nlohmann's own
// text for the same values rather than against hand-written expectations.
#include "preflight/json_writer.h"

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <stdexcept>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace banmian;
using ordered_json = nlohmann::ordered_json;

namespace {

std::string Written(std::string_view s) {
  JsonWriter w;
  w.String(s);
  return w.Take();
}

std::string Written(double v) {
  JsonWriter w;
  w.Double(v);
  return w.Take();
}

// nlohmann's message without its "[json.exception.type_error.316] " prefix, or "" when
// nlohmann takes the string.
std::string NlohmannUtf8Error(const std::string& s) {
  try {
    (void)ordered_json(s).dump();
    return "";
  } catch (const nlohmann::json::type_error& e) {
    std::string what = e.what();
    return what.substr(what.find("] ") + 2);
  }
}

std::string WriterUtf8Error(const std::string& s) {
  try {
    std::string out;
    AppendValidJsonString(out, s);
    return "";
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
}

// nlohmann's output with DEL and the C1 controls escaped, as the writer escapes them.
std::string ControlsEscaped(const std::string& json) {
  const char hex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < json.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(json[i]);
    unsigned char cp = 0;
    if (c == 0x7F) {
      cp = 0x7F;
    } else if (c == 0xC2 && i + 1 < json.size() &&
               static_cast<unsigned char>(json[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(json[i + 1]) < 0xA0) {
      cp = static_cast<unsigned char>(json[++i]);
    } else {
      out += json[i];
      continue;
    }
    out += "\\u00";
    out += hex[cp >> 4];
    out += hex[cp & 15];
  }
  return out;
}

// What nlohmann writes for s with invalid bytes replaced by U+FFFD.
std::string NlohmannReplaced(const std::string& s) {
  return ControlsEscaped(
      ordered_json(s).dump(-1, ' ', false, ordered_json::error_handler_t::replace));
}

}  // namespace

TEST_CASE("json writer: escapes every ASCII byte as nlohmann does, and DEL") {
  for (int c = 0; c < 0x80; ++c) {
    std::string one(1, static_cast<char>(c));
    if (c == 0x7F) continue;
    CHECK_MESSAGE(Written(one) == ordered_json(one).dump(), "byte ", c);
  }
  // DEL is a control character too: escaped, so `check --json` cannot drive a terminal.
  CHECK(Written("\x7f") == R"("\u007f")");
  CHECK(Written("a\"b\\c/d\b\f\n\r\t\x01\x1f\x7f") == R"("a\"b\\c/d\b\f\n\r\t\u0001\u001f\u007f")");
  CHECK(Written("") == "\"\"");
}

TEST_CASE("json writer: passes UTF-8 through unchanged, but for C1 controls") {
  for (std::string s : {"社区晨报", "，。“”", "𠀀𪚥", "é\xC2\xA0\xEF\xBF\xBF\xF4\x8F\xBF\xBF",
                        "松江报 \"第1版\"\n"}) {
    CHECK(Written(s) == ordered_json(s).dump());
  }
  CHECK(Written("社区") == "\"社区\"");
  // U+0080–U+009F (CSI is U+009B) are escaped as C0 controls are.
  CHECK(Written("a\xC2\x80"
                "b\xC2\x9B[2Jc\xC2\x9F") == R"("a\u0080b\u009b[2Jc\u009f")");
}

TEST_CASE("json writer: finds invalid UTF-8 where nlohmann does and writes it as U+FFFD") {
  for (std::string s : {"\xB1", "ab\xC3", "\xE4\xB8", "\xE4\xB8x", "\xC0\xAF", "\xC1\xBF",
                        "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80",
                        "\xF5\x80\x80\x80", "\xFF", "中\x80文"}) {
    std::string expected = NlohmannUtf8Error(s);
    REQUIRE_MESSAGE(!expected.empty(), "nlohmann takes ", s);
    CHECK(WriterUtf8Error(s) == expected);
    // The writer itself never refuses: the bad bytes become U+FFFD.
    CHECK(Written(s) == NlohmannReplaced(s));
    CHECK(Written(s).find("\xEF\xBF\xBD") != std::string::npos);
  }
  // Every two-byte string, and many longer ones drawn from the bytes that decide validity:
  // the writer must take exactly what nlohmann takes, and write it the same way.
  auto same = [](const std::string& s) {
    std::string error = NlohmannUtf8Error(s);
    if (error.empty()) {
      CHECK(Written(s) == ControlsEscaped(ordered_json(s).dump()));
    } else {
      CHECK(WriterUtf8Error(s) == error);
      CHECK(Written(s) == NlohmannReplaced(s));
    }
  };
  for (int a = 0; a < 256; ++a)
    for (int b = 0; b < 256; ++b) same({static_cast<char>(a), static_cast<char>(b)});
  std::mt19937 rng(7);
  const unsigned char interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                       0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE,
                                       0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
  std::uniform_int_distribution<size_t> pick(0, sizeof interesting - 1), length(3, 6);
  for (int i = 0; i < 5000; ++i) {
    std::string s(length(rng), ' ');
    for (char& c : s) c = static_cast<char>(interesting[pick(rng)]);
    same(s);
  }
}

TEST_CASE("json writer: integers as nlohmann writes them") {
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{42}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    JsonWriter w;
    w.Int(v);
    CHECK(w.Take() == ordered_json(v).dump());
  }
  for (uint64_t v : {uint64_t{0}, uint64_t{1710}, std::numeric_limits<uint64_t>::max()}) {
    JsonWriter w;
    w.Uint(v);
    CHECK(w.Take() == ordered_json(v).dump());
  }
}

TEST_CASE("json writer: doubles as nlohmann writes them") {
  // Page sizes in mm, timings in ms, and values where nlohmann's Grisu2 does not give the
  // shortest round-trip text that std::to_chars gives (649 us, 4340.2249999999995).
  const double cases[] = {297.0,
                          420.0,
                          841.89 * 25.4 / 72,
                          1.439331,
                          0.206506,
                          649 / 1e6,
                          4340.2249999999995,
                          0.0,
                          -0.0,
                          -1.5,
                          0.1,
                          1e-4,
                          1e-5,
                          123456789012345.0,
                          1e15,
                          1e16,
                          1.5e300,
                          5e-324,
                          DBL_MIN,
                          DBL_MAX,
                          std::numeric_limits<double>::quiet_NaN(),
                          std::numeric_limits<double>::infinity(),
                          -std::numeric_limits<double>::infinity()};
  for (double v : cases) CHECK_MESSAGE(Written(v) == ordered_json(v).dump(), v);
  CHECK(Written(297.0) == "297.0");
  CHECK(Written(649 / 1e6) == "0.0006489999999999999");
  CHECK(Written(std::numeric_limits<double>::quiet_NaN()) == "null");

  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> mm(0, 1000);
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = rng();
    double any;
    std::memcpy(&any, &bits, sizeof any);
    REQUIRE(Written(any) == ordered_json(any).dump());
    double v = mm(rng);
    REQUIRE(Written(v) == ordered_json(v).dump());
    double ms = static_cast<double>(i * 997) / 1e6;
    REQUIRE(Written(ms) == ordered_json(ms).dump());
  }
}

TEST_CASE("json writer: nesting and empty containers at every indent") {
  ordered_json j;
  j["tool"] = "banmian";
  j["empty_array"] = ordered_json::array();
  j["empty_object"] = ordered_json::object();
  j["at"] = nullptr;
  j["flags"] = {true, false};
  j["pages"] = ordered_json::array();
  j["pages"].push_back({{"number", 1},
                        {"width_mm", 297.0},
                        {"slots", ordered_json::array()},
                        {"pixels", {800, 600}},
                        {"nested", {{"a", ordered_json::array({ordered_json::object()})}}}});
  j["pages"].push_back(ordered_json::array());
  j["ké\"y\n"] = "value";

  for (int indent : {-1, 0, 2, 4}) {
    JsonWriter w(indent);
    w.BeginObject();
    w.Key("tool").String("banmian");
    w.Key("empty_array").BeginArray().EndArray();
    w.Key("empty_object").BeginObject().EndObject();
    w.Key("at").Null();
    w.Key("flags").BeginArray().Bool(true).Bool(false).EndArray();
    w.Key("pages").BeginArray();
    w.BeginObject();
    w.Key("number").Int(1);
    w.Key("width_mm").Double(297.0);
    w.Key("slots").BeginArray().EndArray();
    w.Key("pixels").BeginArray().Int(800).Int(600).EndArray();
    w.Key("nested").BeginObject().Key("a").BeginArray().BeginObject().EndObject();
    w.EndArray().EndObject();
    w.EndObject();
    w.BeginArray().EndArray();
    w.EndArray();
    w.Key("ké\"y\n").String("value");
    w.EndObject();
    CHECK_MESSAGE(w.Take() == j.dump(indent), "indent ", indent);
  }
}

TEST_CASE("json writer: empty containers and scalars at the top level") {
  for (int indent : {-1, 2}) {
    JsonWriter a(indent), o(indent), n(indent);
    a.BeginArray().EndArray();
    o.BeginObject().EndObject();
    n.Null();
    CHECK(a.Take() == ordered_json::array().dump(indent));
    CHECK(o.Take() == ordered_json::object().dump(indent));
    CHECK(n.Take() == ordered_json(nullptr).dump(indent));
  }
}
