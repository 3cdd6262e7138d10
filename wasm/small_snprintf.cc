// The shipped module's snprintf: integers, characters and strings only.
//
// nlohmann/json calls snprintf for two things ("\\u%04x" when it escapes a
// control character, "<U+%.4X>" in a parse error), and musl's general printf
// brings ~8 KB of wasm with it (printf_core, long-double formatting). This
// one supports what those calls and any other integer formatting need:
// flags '-' '0' '+' ' ', width and precision (numbers or '*'), length
// modifiers (hh h l ll z j t, ignored beyond the argument size), and the
// conversions d i u x X o c s p %. A floating-point conversion prints "?"
// instead of the number (nothing in the core formats floats with printf:
// nlohmann has its own shortest-round-trip printer). Only this module links
// it; native builds and the test binaries use the C library's. siprintf
// (what clang turns an integer-only sprintf into) is here too: embind built
// without RTTI names a type by sprintf("%p") and would pull in musl's.
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {

struct Out {
  char* buffer;
  std::size_t size;
  std::size_t length = 0;  // what would have been written
  void Put(char c) {
    if (length + 1 < size) buffer[length] = c;
    ++length;
  }
  void Repeat(char c, int n) {
    for (int i = 0; i < n; ++i) Put(c);
  }
};

int ReadNumber(const char*& f, va_list& args) {
  if (*f == '*') {
    ++f;
    return va_arg(args, int);
  }
  int n = 0;
  while (*f >= '0' && *f <= '9') n = n * 10 + (*f++ - '0');
  return n;
}

}  // namespace

extern "C" int vsnprintf(char* buffer, std::size_t size, const char* f, va_list args) {
  Out out{buffer, size};
  va_list ap;
  va_copy(ap, args);
  while (*f) {
    if (*f != '%') {
      out.Put(*f++);
      continue;
    }
    ++f;
    bool left = false, zero = false, plus = false, space = false;
    for (;; ++f) {
      if (*f == '-') left = true;
      else if (*f == '0') zero = true;
      else if (*f == '+') plus = true;
      else if (*f == ' ') space = true;
      else if (*f != '#') break;
    }
    int width = ReadNumber(f, ap);
    if (width < 0) {
      left = true;
      width = -width;
    }
    int precision = -1;
    if (*f == '.') {
      ++f;
      precision = ReadNumber(f, ap);
    }
    int longs = 0;
    while (*f == 'h' || *f == 'l' || *f == 'z' || *f == 'j' || *f == 't' || *f == 'L' || *f == 'q') {
      if (*f == 'l' || *f == 'j' || *f == 'q') ++longs;
      ++f;
    }
    const char conversion = *f ? *f++ : '\0';
    char digits[24];
    int count = 0;
    const char* text = digits;
    char sign = 0;
    switch (conversion) {
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'p': {
        std::uint64_t value;
        const bool is_signed = conversion == 'd' || conversion == 'i';
        if (conversion == 'p') {
          value = reinterpret_cast<std::uintptr_t>(va_arg(ap, void*));
        } else if (longs >= 2) {
          value = is_signed ? static_cast<std::uint64_t>(va_arg(ap, long long)) : va_arg(ap, unsigned long long);
        } else if (longs == 1) {
          value = is_signed ? static_cast<std::uint64_t>(static_cast<long long>(va_arg(ap, long)))
                            : va_arg(ap, unsigned long);
        } else {
          value = is_signed ? static_cast<std::uint64_t>(static_cast<long long>(va_arg(ap, int)))
                            : va_arg(ap, unsigned int);
        }
        if (is_signed && static_cast<long long>(value) < 0) {
          sign = '-';
          value = 0 - value;
        } else if (is_signed && (plus || space)) {
          sign = plus ? '+' : ' ';
        }
        const unsigned base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X' || conversion == 'p') ? 16 : 10;
        const char* alphabet = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        char reversed[24];
        int n = 0;
        do {
          reversed[n++] = alphabet[value % base];
          value /= base;
        } while (value != 0);
        if (precision == 0 && n == 1 && reversed[0] == '0') n = 0;
        while (n > 0) digits[count++] = reversed[--n];
        break;
      }
      case 'c':
        digits[count++] = static_cast<char>(va_arg(ap, int));
        precision = -1;
        break;
      case 's': {
        text = va_arg(ap, const char*);
        if (text == nullptr) text = "(null)";
        while (text[count] && (precision < 0 || count < precision)) ++count;
        precision = -1;
        break;
      }
      case '%':
        digits[count++] = '%';
        break;
      case 'n':
        *va_arg(ap, int*) = static_cast<int>(out.length);
        continue;
      default:  // floating point and anything unknown
        if (conversion == 'f' || conversion == 'F' || conversion == 'e' || conversion == 'E' ||
            conversion == 'g' || conversion == 'G' || conversion == 'a' || conversion == 'A') {
          (void)va_arg(ap, double);
        }
        digits[count++] = '?';
        break;
    }
    const bool number = conversion == 'd' || conversion == 'i' || conversion == 'u' || conversion == 'x' ||
                        conversion == 'X' || conversion == 'o' || conversion == 'p';
    const int zeros = number && precision > count ? precision - count : 0;
    const int body = count + zeros + (sign ? 1 : 0);
    const int pad = width > body ? width - body : 0;
    const bool zero_pad = zero && !left && precision < 0 && number;
    if (!left && !zero_pad) out.Repeat(' ', pad);
    if (sign) out.Put(sign);
    if (zero_pad) out.Repeat('0', pad);
    out.Repeat('0', zeros);
    for (int i = 0; i < count; ++i) out.Put(text[i]);
    if (left) out.Repeat(' ', pad);
  }
  va_end(ap);
  if (size > 0) buffer[out.length < size ? out.length : size - 1] = '\0';
  return static_cast<int>(out.length);
}

extern "C" int snprintf(char* buffer, std::size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int n = vsnprintf(buffer, size, format, args);
  va_end(args);
  return n;
}

extern "C" int siprintf(char* buffer, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int n = vsnprintf(buffer, static_cast<std::size_t>(-1) >> 1, format, args);
  va_end(args);
  return n;
}
