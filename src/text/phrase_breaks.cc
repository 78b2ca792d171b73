#include "text/phrase_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>

#include "model/utf8.h"
#include "text/script.h"

namespace banmian {

namespace {

// ICU's dictionary-based word break iterator for Chinese, one per thread: an iterator is
// not safe to share between threads, and creating one costs far more than a headline's
// segmentation. Null if ICU could not make one (its data missing): then every gap between
// two Chinese characters counts as a weak word boundary.
icu::BreakIterator* WordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

// Marks that end a clause or phrase: ，、。；：！？ —— …… and their Latin forms. Not quotes
// and brackets: a quoted term or a book title sits inside its phrase (“创全”工作推进会), so
// a break beside one is a word boundary; nor the interpuncts of foreign names (马丁·路德·金)
// and the marks that belong to a number or word (% # & * @ / \).
bool EndsPhrase(char32_t c) {
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_DASH_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
      return c != '%' && c != 0x2030 && c != 0x2031 && c != 0xFF05 && c != '#' && c != '&' &&
             c != '*' && c != '@' && c != '\\' && c != '/' && c != '"' && c != '\'' &&
             c != 0x00B7 && c != 0x30FB && c != 0x2027;
    default:
      return false;
  }
}

// The particles and suffixes that lean on the word before them (展现的, 走了, 我们): ICU
// makes them words of their own, but a line should not start with one.
bool LeansBack(char32_t c) {
  return c == U'的' || c == U'地' || c == U'得' || c == U'了' || c == U'着' || c == U'过' ||
         c == U'们';
}

bool IsLetterOrDigit(char32_t c) {
  return !IsCjk(c) && u_isalnum(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) {
  return u_isdigit(static_cast<UChar32>(c));
}

// ICU's word boundaries, as a flag before each atom (and one past the last).
std::vector<bool> WordBoundaries(std::string_view utf8, const std::vector<uint32_t>& begins) {
  const size_t n = begins.size();
  std::vector<bool> at(n + 1, false);
  at[0] = at[n] = true;
  icu::BreakIterator* it = WordIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  if (it) utext_openUTF8(&text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (it && U_SUCCESS(status)) it->setText(&text, status);
  if (!it || U_FAILURE(status)) {
    utext_close(&text);
    for (size_t k = 1; k < n; ++k) at[k] = true;
    return at;
  }
  // With UTF-8 text, ICU's boundaries are byte offsets: a boundary is a break between
  // atoms only where an atom starts (never inside a cluster, a surrogate pair being no
  // matter here). Both lists ascend, so one walk matches them.
  size_t k = 0;
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
    while (k < n && begins[k] < static_cast<uint32_t>(b)) ++k;
    if (k < n && begins[k] == static_cast<uint32_t>(b)) at[k] = true;
  }
  utext_close(&text);
  return at;
}

}  // namespace

std::vector<BreakClass> PhraseBreaks(std::string_view utf8,
                                     const std::vector<uint32_t>& atom_begins) {
  const size_t n = atom_begins.size();
  std::vector<BreakClass> out(n, BreakClass::kInWord);
  if (n == 0) return out;
  out[0] = BreakClass::kPhrase;
  std::vector<char32_t> ch(n);
  for (size_t k = 0; k < n; ++k) {
    size_t pos = atom_begins[k];
    ch[k] = Utf8Next(utf8, pos);
  }
  const std::vector<bool> boundary = WordBoundaries(utf8, atom_begins);
  // ICU's word around each atom, [word_begin, word_end) in atoms.
  std::vector<size_t> word_begin(n), word_end(n);
  for (size_t k = 0; k < n; ++k) word_begin[k] = boundary[k] ? k : word_begin[k - 1];
  for (size_t k = n; k-- > 0;) word_end[k] = boundary[k + 1] ? k + 1 : word_end[k + 1];
  // A "word" of one ideograph (and its marks or variation selector): ICU found no
  // dictionary word there.
  auto lone = [&](size_t k) {
    const size_t from = atom_begins[word_begin[k]];
    const size_t to = word_end[k] < n ? atom_begins[word_end[k]] : utf8.size();
    size_t i = from;
    if (!IsIdeograph(Utf8Next(utf8, i))) return false;
    while (i < to) {
      const int8_t type = u_charType(static_cast<UChar32>(Utf8Next(utf8, i)));
      if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK &&
          type != U_COMBINING_SPACING_MARK)
        return false;
    }
    return true;
  };
  for (size_t k = 1; k < n; ++k) {
    const char32_t prev = ch[k - 1], next = ch[k];
    // Punctuation inside a Latin word or number (It's, 3.5, e-mail) ends no phrase.
    const bool inside_latin = k >= 2 && IsLetterOrDigit(ch[k - 2]) && IsLetterOrDigit(next);
    if (IsSpace(prev) || IsSpace(next) || (EndsPhrase(prev) && !inside_latin)) {
      out[k] = BreakClass::kPhrase;
    } else if (!boundary[k]) {
      out[k] = BreakClass::kInWord;
    } else if ((IsDigit(prev) && IsIdeograph(next)) || (prev == U'第' && IsDigit(next))) {
      out[k] = BreakClass::kInWord;  // 2021年, 72周年, 1.5万, 第3: a number keeps its unit
    } else if ((lone(k - 1) && lone(k)) || (lone(k) && LeansBack(next))) {
      out[k] = BreakClass::kWeakWord;
    } else {
      out[k] = BreakClass::kWord;
    }
  }
  return out;
}

std::vector<BreakClass> PhraseBreaks(const ShapedText& text) {
  std::vector<uint32_t> begins;
  begins.reserve(text.atoms.size());
  for (const Atom& a : text.atoms) begins.push_back(a.byte_begin);
  return PhraseBreaks(text.text, begins);
}

std::vector<BreakClass> PhraseBreaks(std::string_view utf8) {
  std::vector<uint32_t> begins;
  for (size_t i = 0; i < utf8.size();) {
    begins.push_back(static_cast<uint32_t>(i));
    Utf8Next(utf8, i);
  }
  return PhraseBreaks(utf8, begins);
}

}  // namespace banmian
