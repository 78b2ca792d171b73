#include "issue_mutator.h"

#include <jpeglib.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <utility>
#include <vector>

#include "issue_archive.h"

namespace banmian::fuzz {

namespace {

// Odd text: right-to-left scripts and marks, controls (raw, C1, escape sequences),
// combining marks, Ext-B and other astral ideographs, emoji sequences, invisible and
// special characters, other complex scripts, and bytes that are not UTF-8.
const std::vector<std::string> kOddText = {
    "ם。",
    "שלום עולם",
    "مرحبا بالعالم",
    "ال",
    "\u202e",
    "\u200f",
    "\u2067",
    "\u202d",
    "\u061c",
    std::string("a\0b", 3),
    "\x1b[2J",
    "\x1b]0;t\x07",
    "\x07",
    "\r",
    "\x7f",
    "\xc2\x85",
    "\xc2\x9b",
    "\t",
    "\x0c",
    "\x08",
    "e\u0301",
    "\u0301\u0301\u0301\u0301",
    "字\u0300\u0316",
    "\u3099",
    "\u20dd",
    "𠀀",
    "𪚥",
    "𰻞",
    "\U000F0000",
    "\U0010FFFD",
    "👍🏽",
    "👨‍👩‍👧",
    "🇨🇳",
    "\ufe0f",
    "\u200d",
    "\ufeff",
    "\u200b",
    "\u00ad",
    "\u2028",
    "\u2029",
    "\ufffd",
    "\uffff",
    "\ufdd0",
    "　",
    "﹏",
    "《》",
    "——",
    "……",
    "︰",
    "〰",
    "क्षि",
    "ภาษาไทย",
    "ᠮᠣᠩᠭᠣᠯ",
    "ཀྵ",
    "한국어",
    "ﷺ",
    "\u0e33\u0e33",
    "\xff",
    "\xc0\xaf",
    "\xed\xa0\x80",
    "\xe4\xb8",
    "\xf4\x90\x80\x80",
    "＜script＞",
    "<script>alert(1)</script>",
    "\"'&<>",
    "%s%n%x",
    "${x}",
    "@@@",
    "\\",
    "\\0",
    "{{placeholder}}",
    "{cols=2}",
};

// Values for a YAML key: YAML escapes and syntax, numbers at and past their limits,
// units, labels, dates and empty or null values.
const std::vector<std::string> kYamlValues = {
    "\"a\\0b\"",
    "\"\\e[31mred\\e[0m\"",
    "\"\\x85\"",
    "\"\\x9b2J\"",
    "\"\\u202Eabc\"",
    "\"\\U0002A6A5\"",
    "\"\\N\\_\\L\\P\"",
    "\"\\t\\r\\n\"",
    "\"\\\"\"",
    "\"\\a\\b\\v\\f\"",
    "\"\\uD800\"",
    "\"\\UFFFFFFFF\"",
    "\"ם。\"",
    "\"\\u05DD\\u3002\"",
    "'single ''quoted'''",
    "|\n  block\n  text",
    ">-\n  folded\n  text",
    "!!binary aGVsbG8=",
    "&a x",
    "*a",
    "*b",
    "!!str 1",
    "!!int x",
    "!!float 1e999",
    "!!map {}",
    "~",
    "null",
    "[]",
    "{}",
    "\"\"",
    "-1",
    "0",
    "1",
    "2",
    "3",
    "-0",
    "0.5",
    "1e308",
    "-1e308",
    "1e-308",
    "nan",
    ".nan",
    ".inf",
    "-.inf",
    "99999999999999999999",
    "9223372036854775808",
    "2147483648",
    "-2147483649",
    "0x10",
    "0o17",
    "1_000",
    "1e308mm",
    "1e308pt",
    "0.001pt",
    "0pt",
    "-3mm",
    "2x",
    "5 mm",
    "1000000mm",
    "700mm",
    "99999mm",
    "0.0001mm",
    "A01",
    "A00",
    "A",
    "Z99999999999999999999",
    "B99",
    "01",
    "A1.5",
    "2021-05-10",
    "2021-02-30",
    "9999-99-99",
    "0000-00-00",
    "1.5",
    "yes",
    "no",
    "true",
    "[a, b, c]",
    "{a: 1, b: 2}",
    "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]",
    "fit",
    "rest",
    "all",
    "top-right",
    "flow",
    "4:3",
    "0:0",
    "1:0",
    "1e9:1",
    "50%,50%",
    "101%,-1%",
    "\"{headline}\"",
    "\"{date} {number} {edition}\"",
    "\"{nonexistent}\"",
    "https://example.com/" + std::string(400, 'q'),
};

// Names for the issue folder, which output files and the contact sheet's links take.
const std::vector<std::string> kFolderNames = {
    "javascript:alert(1)",
    "a#b?c%41 d",
    "a\nb",
    "\x1b[2J\x1b]0;t\x07",
    "\xb1\xa8\xd6\xbd",
    "日报 第1期",
    "-o",
    "..a",
    " ",
    ".hidden",
    "\"><img src=x onerror=alert(1)>",
    "%00",
    "a\\b",
    "ם。",
    "\u202eevil",
    std::string(64, 'x'),
    "CON",
    "a:b",
    "?",
    "#",
};

const std::vector<std::string> kOptions = {"--press", "--proof", "--marks", "--pdfx=x4"};

size_t Pick(std::mt19937& rng, size_t n) {
  return std::uniform_int_distribution<size_t>(0, n - 1)(rng);
}

template <typename T>
const T& PickOf(std::mt19937& rng, const std::vector<T>& v) {
  return v[Pick(rng, v.size())];
}

bool IsYaml(const std::string& path) {
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".yaml") == 0;
}
bool IsMarkdown(const std::string& path) {
  return path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0;
}
bool IsText(const std::string& path) {
  return IsYaml(path) || IsMarkdown(path);
}

// Indices of the files for which `want` holds.
template <typename Want>
std::vector<size_t> FilesWhere(const std::vector<ArchivedFile>& files, Want want) {
  std::vector<size_t> out;
  for (size_t i = 0; i < files.size(); ++i)
    if (want(files[i].path)) out.push_back(i);
  return out;
}

// Offsets of the line starts in `s` (0 included).
std::vector<size_t> LineStarts(const std::string& s) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n' && i + 1 < s.size()) starts.push_back(i + 1);
  return starts;
}

// The [start, end) of the value on each "key: value" line of a YAML text (or of a
// Markdown file's front matter and the rest: any such line will do).
std::vector<std::pair<size_t, size_t>> YamlValues(const std::string& s) {
  std::vector<std::pair<size_t, size_t>> values;
  for (size_t start : LineStarts(s)) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    size_t i = start;
    while (i < end && (s[i] == ' ' || s[i] == '-')) ++i;
    size_t key = i;
    while (i < end && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    if (i == key || i + 1 >= end || s[i] != ':' || s[i + 1] != ' ') continue;
    values.emplace_back(i + 2, end);
  }
  return values;
}

void Write(std::vector<ArchivedFile>& files, const std::string& path, std::string contents) {
  for (ArchivedFile& f : files)
    if (f.path == path) {
      f.contents = std::move(contents);
      return;
    }
  files.push_back({path, std::move(contents)});
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

void AppendBigEndian(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void AppendPngChunk(std::string& out, const char* type, const std::string& data) {
  AppendBigEndian(out, static_cast<uint32_t>(data.size()));
  std::string body = std::string(type, 4) + data;
  out += body;
  AppendBigEndian(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                                   static_cast<uInt>(body.size()))));
}

}  // namespace

std::string PngDeclaring(uint32_t width, uint32_t height) {
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string ihdr;
  AppendBigEndian(ihdr, width);
  AppendBigEndian(ihdr, height);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey, no interlace
  AppendPngChunk(png, "IHDR", ihdr);
  // Whole rows of grey up to 4 million pixels (a bomb that compresses to little); past
  // that, one row, so the decoder runs out of data.
  const uint64_t pixels = uint64_t{width} * height;
  const uint64_t rows = pixels <= 4'000'000 ? height : 1;
  std::string raw(static_cast<size_t>(rows * (uint64_t{width} + 1)), '\0');
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string idat(size, '\0');
  compress2(reinterpret_cast<Bytef*>(idat.data()), &size,
            reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 9);
  idat.resize(size);
  AppendPngChunk(png, "IDAT", idat);
  AppendPngChunk(png, "IEND", "");
  return png;
}

std::string JpegDeclaring(uint16_t width, uint16_t height) {
  // An 8 × 8 grey JPEG, encoded once, with its SOF0 height and width patched.
  static const std::string small = [] {
    jpeg_compress_struct c;
    jpeg_error_mgr err;
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buffer, &size);
    c.image_width = 8;
    c.image_height = 8;
    c.input_components = 1;
    c.in_color_space = JCS_GRAYSCALE;
    jpeg_set_defaults(&c);
    jpeg_start_compress(&c, TRUE);
    unsigned char row[8] = {128, 128, 128, 128, 128, 128, 128, 128};
    JSAMPROW rows[1] = {row};
    while (c.next_scanline < 8) jpeg_write_scanlines(&c, rows, 1);
    jpeg_finish_compress(&c);
    std::string out(reinterpret_cast<char*>(buffer), size);
    jpeg_destroy_compress(&c);
    std::free(buffer);
    return out;
  }();
  std::string jpeg = small;
  for (size_t i = 2; i + 9 < jpeg.size(); ++i) {
    if (static_cast<unsigned char>(jpeg[i]) == 0xFF &&
        static_cast<unsigned char>(jpeg[i + 1]) == 0xC0) {
      jpeg[i + 5] = static_cast<char>(height >> 8);
      jpeg[i + 6] = static_cast<char>(height & 0xFF);
      jpeg[i + 7] = static_cast<char>(width >> 8);
      jpeg[i + 8] = static_cast<char>(width & 0xFF);
      break;
    }
  }
  return jpeg;
}

std::string ReplaceYamlValue(const std::string& archive, std::mt19937& rng) {
  std::vector<ArchivedFile> files = ParseArchive(archive);
  std::vector<size_t> texts = FilesWhere(files, IsText);
  if (texts.empty()) return archive;
  std::string& s = files[PickOf(rng, texts)].contents;
  auto values = YamlValues(s);
  if (values.empty()) return archive;
  auto [start, end] = PickOf(rng, values);
  std::string value =
      Pick(rng, 4) == 0 ? "\"" + PickOf(rng, kOddText) + "\"" : PickOf(rng, kYamlValues);
  s.replace(start, end - start, value);
  return PackArchive(files);
}

std::string InsertOddText(const std::string& archive, std::mt19937& rng) {
  std::vector<ArchivedFile> files = ParseArchive(archive);
  std::vector<size_t> texts = FilesWhere(files, IsText);
  if (texts.empty()) return archive;
  std::string& s = files[PickOf(rng, texts)].contents;
  // At the end of a line (inside a value or a paragraph) or anywhere.
  std::vector<size_t> starts = LineStarts(s);
  size_t line_end = s.find('\n', PickOf(rng, starts));
  size_t at =
      Pick(rng, 2) == 0 && line_end != std::string::npos ? line_end : Pick(rng, s.size() + 1);
  std::string text;
  for (size_t n = 1 + Pick(rng, 3); n > 0; --n) text += PickOf(rng, kOddText);
  s.insert(at, text);
  return PackArchive(files);
}

std::string InsertDeepNesting(const std::string& archive, size_t budget, std::mt19937& rng) {
  std::vector<ArchivedFile> files = ParseArchive(archive);
  const bool markdown = Pick(rng, 2) == 0;
  std::vector<size_t> targets = FilesWhere(files, markdown ? IsMarkdown : IsYaml);
  if (targets.empty()) return archive;
  std::string& s = files[PickOf(rng, targets)].contents;
  static const std::vector<size_t> kDepths = {8, 64, 300, 1000, 10000, 50000};
  size_t depth = PickOf(rng, kDepths);
  std::string nest;
  auto fit = [&](size_t unit) {
    return std::max<size_t>(1, std::min(depth, budget / std::max<size_t>(unit, 1)));
  };
  if (markdown) {
    static const std::vector<std::pair<std::string, std::string>> kPairs = {
        {"**", "**"}, {"*", "*"}, {"~~", "~~"},    {"[", "](x)"}, {"![", "](x)"}, {"`", "`"},
        {"> ", ""},   {"_", "_"}, {"<b>", "</b>"}, {"[^", "]"},   {"{", "}"},     {"（", "）"}};
    const auto& [open, close] = PickOf(rng, kPairs);
    const size_t n = fit(open.size() + close.size());
    nest = "\n\n" + Repeat(open, n) + "字" + (Pick(rng, 2) ? Repeat(close, n) : "") + "\n\n";
    if (Pick(rng, 4) == 0) {  // nested lists instead
      nest = "\n\n";
      for (size_t i = 0; i < fit(depth * 2 + 4) && nest.size() < budget; ++i)
        nest += std::string(2 * i, ' ') + "- 项\n";
    }
    s += nest;  // the body is the file's end
  } else {
    auto values = YamlValues(s);
    switch (Pick(rng, 3)) {
      case 0:
        nest = Repeat("[", fit(2)) + "1" + Repeat("]", fit(2));
        break;
      case 1:
        nest = Repeat("{a: ", fit(5)) + "1" + Repeat("}", fit(5));
        break;
      default:  // block mappings, each indented one more
        for (size_t i = 0; i < fit(depth + 4) && nest.size() < budget; ++i)
          nest += "\n" + std::string(i + 2, ' ') + "a:";
        nest += " 1";
    }
    if (values.empty()) {
      s += "\nx: " + nest + "\n";
    } else {
      auto [start, end] = PickOf(rng, values);
      s.replace(start, end - start, nest);
    }
  }
  return PackArchive(files);
}

std::string AddPictureBomb(const std::string& archive, std::mt19937& rng) {
  std::vector<ArchivedFile> files = ParseArchive(archive);
  static const std::vector<std::pair<uint32_t, uint32_t>> kSizes = {
      {40000, 10}, {10, 40000}, {40000, 2}, {30000, 30000}, {60000, 60000}, {65535, 1},
      {0, 10},     {1, 1},      {20000, 1}, {1, 1},         {3000, 2000}};
  auto [w, h] = PickOf(rng, kSizes);
  const bool png = Pick(rng, 2) == 0;
  const std::string name = "pictures/bomb" + std::to_string(Pick(rng, 4)) + (png ? ".png" : ".jpg");
  Write(files, name,
        png ? PngDeclaring(w, h)
            : JpegDeclaring(static_cast<uint16_t>(std::min<uint32_t>(w, 65535)),
                            static_cast<uint16_t>(std::min<uint32_t>(h, 65535))));
  std::vector<size_t> articles = FilesWhere(files, IsMarkdown);
  if (!articles.empty()) {
    static const std::vector<std::string> kAttributes = {"",
                                                         "{cols=2}",
                                                         "{cols=all}",
                                                         "{rows=3}",
                                                         "{ratio=10:1}",
                                                         "{place=flow}",
                                                         "{focus=100%,0%}"};
    files[PickOf(rng, articles)].contents +=
        "\n\n![图](" + name + " \"摄\")" + PickOf(rng, kAttributes) + "\n";
  }
  return PackArchive(files);
}

std::string ToggleOption(const std::string& archive, std::mt19937& rng) {
  std::vector<ArchivedFile> files = ParseArchive(archive);
  std::string args;
  for (const ArchivedFile& f : files)
    if (f.path == "args") args = f.contents;
  const std::string& option = PickOf(rng, kOptions);
  if (size_t at = args.find(option); at != std::string::npos)
    args.erase(at, option.size());
  else
    args += (args.empty() ? "" : " ") + option;
  Write(files, "args", args);
  return PackArchive(files);
}

std::string RenameIssueFolder(const std::string& archive, std::mt19937& rng) {
  std::vector<ArchivedFile> files = ParseArchive(archive);
  Write(files, "folder", Pick(rng, 4) == 0 ? PickOf(rng, kOddText) : PickOf(rng, kFolderNames));
  return PackArchive(files);
}

std::string MutateIssue(const std::string& archive, size_t max_size, std::mt19937& rng,
                        const ByteMutator& bytes) {
  auto whole = [&] {
    std::string data = archive;
    data.resize(std::max(max_size, archive.size()));
    data.resize(bytes(reinterpret_cast<uint8_t*>(data.data()), archive.size(), max_size));
    return data;
  };
  std::vector<ArchivedFile> files = ParseArchive(archive);
  if (files.empty()) return whole();
  const size_t budget = max_size > archive.size() ? max_size - archive.size() : 0;
  std::string out;
  const size_t r = Pick(rng, 100);
  if (r < 50) {  // one file's bytes, with libFuzzer's mutator and dictionary
    ArchivedFile& f = files[Pick(rng, files.size())];
    const size_t size = f.contents.size();
    const size_t room = size + std::min<size_t>(budget, std::max<size_t>(64, size));
    f.contents.resize(room);
    f.contents.resize(bytes(reinterpret_cast<uint8_t*>(f.contents.data()), size, room));
    out = PackArchive(files);
  } else if (r < 63) {
    out = ReplaceYamlValue(archive, rng);
  } else if (r < 75) {
    out = InsertOddText(archive, rng);
  } else if (r < 84) {
    out = InsertDeepNesting(archive, budget, rng);
  } else if (r < 91) {
    out = AddPictureBomb(archive, rng);
  } else if (r < 96) {
    out = ToggleOption(archive, rng);
  } else {
    out = RenameIssueFolder(archive, rng);
  }
  if (out.size() > max_size || out == archive) return whole();
  return out;
}

}  // namespace banmian::fuzz
