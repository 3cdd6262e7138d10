// The shipped module's strtod: exact on Clinger's fast path, within one ulp
// elsewhere, and no 128-bit long double.
//
// nlohmann/json's lexer calls std::strtod for every number with a fraction or
// an exponent (its number_float_t is double, so strtof/strtold are never
// referenced), and json_util.cc's NumberFromJson calls it for numeric
// strings. musl's strtod computes in long double, which on wasm is 128-bit
// soft-float (__multf3, __divtf3, fmodl...): ~15 KB of code. This one:
//  - grammar: leading C-locale whitespace, an optional sign, then decimal
//    digits with an optional '.' and an optional exponent ('e'/'E', optional
//    sign, at least one digit; otherwise the exponent is not consumed), or
//    "inf" / "infinity" / "nan" / "nan(chars)", case-insensitively. endptr
//    points just past what was consumed, or at the input itself when no
//    conversion was possible (then 0 is returned).
//  - hexadecimal floats ("0x1p3") are NOT supported: they are "no
//    conversion" (0, endptr = the input). Nothing in the core produces them.
//  - up to 19 significant digits are kept; further digits are counted (and,
//    when non-zero, make the result inexact).
//  - exact (correctly rounded, bit-identical to glibc/musl) when the kept
//    digits form an integer m <= 2^53 with no non-zero digit dropped and the
//    decimal exponent satisfies |e| <= 22 (one exact IEEE multiply or divide
//    by an exact power of ten: Clinger's fast path), or when e == 0 (one
//    correctly rounded integer conversion). Every number a Business Talk
//    document plausibly carries is on this path.
//  - otherwise m * 10^e is computed in 64-bit binary floating point (at most
//    nine 64x64->128-bit products with a table of 18 rounded powers of ten),
//    relative error below 2^-58, then rounded once to double: at most one ulp
//    from the correctly rounded result (the test measures it against glibc).
//  - overflow gives +-HUGE_VAL and underflow to zero gives +-0, both with
//    errno = ERANGE; a subnormal result also sets ERANGE. Bounded: one pass
//    over the input, exponents clamped, no allocation.
// strtof and strtold are defined too, only because libc++'s string.o
// (std::stof, std::stold) references them and musl defines all three in one
// object, which would clash: strtof rounds the double again (so it can be one
// float ulp off), strtold carries only double precision. The core calls
// neither (LTO drops them).
// Only the shipped module links it (CMakeLists.txt adds it to
// btalk_core_module). tests/core/small_strtod_test.cc compiles it under
// another name (BTALK_STRTOD_NAME) and compares it with the C library's.
#include <cerrno>
#include <cstdint>
#include <cstring>

#ifndef BTALK_STRTOD_NAME
#define BTALK_STRTOD_NAME strtod
#define BTALK_STRTOF_NAME strtof
#define BTALK_STRTOLD_NAME strtold
#endif

namespace {

struct Power {
  std::uint64_t f;  // normalised: 2^63 <= f < 2^64
  int e;            // value ~= f * 2^e
};

// 10^(2^i) and 10^-(2^i), i = 0..8, rounded to nearest (10^1..10^16 exact).
constexpr Power kPowers[2][9] = {
    {{0xa000000000000000ull, -60},
     {0xc800000000000000ull, -57},
     {0x9c40000000000000ull, -50},
     {0xbebc200000000000ull, -37},
     {0x8e1bc9bf04000000ull, -10},
     {0x9dc5ada82b70b59eull, 43},
     {0xc2781f49ffcfa6d5ull, 149},
     {0x93ba47c980e98ce0ull, 362},
     {0xaa7eebfb9df9de8eull, 787}},
    {{0xcccccccccccccccdull, -67},
     {0xa3d70a3d70a3d70aull, -70},
     {0xd1b71758e219652cull, -77},
     {0xabcc77118461cefdull, -90},
     {0xe69594bec44de15bull, -117},
     {0xcfb11ead453994baull, -170},
     {0xa87fea27a539e9a5ull, -276},
     {0xddd0467c64bce4a1ull, -489},
     {0xc0314325637a193aull, -914}},
};

constexpr double kExact[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether s starts with the lower-case word w, ignoring case.
bool StartsWith(const char* s, const char* w) {
  for (; *w; ++s, ++w) {
    if (Lower(*s) != *w) return false;
  }
  return true;
}

// (f, e) *= p, keeping f normalised and rounding the dropped half to nearest.
void Multiply(std::uint64_t& f, int& e, const Power& p) {
  const std::uint64_t m32 = 0xffffffffull;
  const std::uint64_t a = f >> 32, b = f & m32, c = p.f >> 32, d = p.f & m32;
  const std::uint64_t ac = a * c, bc = b * c, ad = a * d, bd = b * d;
  const std::uint64_t mid = (bd >> 32) + (ad & m32) + (bc & m32);
  std::uint64_t hi = ac + (ad >> 32) + (bc >> 32) + (mid >> 32);
  std::uint64_t lo = (mid << 32) | (bd & m32);
  e += p.e + 64;
  if (!(hi >> 63)) {
    hi = (hi << 1) | (lo >> 63);
    lo <<= 1;
    --e;
  }
  if (lo >> 63) {
    if (++hi == 0) {
      hi = 1ull << 63;
      ++e;
    }
  }
  f = hi;
}

double FromBits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// f * 2^e (f normalised) rounded to the nearest double, ties to even.
double ToDouble(std::uint64_t f, int e, bool negative) {
  const std::uint64_t sign = negative ? 1ull << 63 : 0;
  const int top = e + 63;  // binary exponent of f's leading bit
  if (top > 1023) {
    errno = ERANGE;
    return FromBits(sign | 0x7ff0000000000000ull);
  }
  int shift = 11;
  if (top < -1022) shift += -1022 - top;  // subnormal: fewer bits kept
  std::uint64_t q = 0;
  if (shift < 64) {
    q = f >> shift;
    const std::uint64_t rest = f & ((1ull << shift) - 1), half = 1ull << (shift - 1);
    if (rest > half || (rest == half && (q & 1))) ++q;
  } else if (shift == 64 && f > (1ull << 63)) {
    q = 1;  // above half the smallest subnormal
  }
  std::uint64_t bits;
  if (top >= -1022) {
    bits = (static_cast<std::uint64_t>(top + 1023) << 52) + (q - (1ull << 52));  // a carry bumps the exponent
  } else {
    bits = q;  // q == 2^52 after rounding is the smallest normal
  }
  if (bits >= 0x7ff0000000000000ull) {
    errno = ERANGE;
    bits = 0x7ff0000000000000ull;
  } else if (bits < (1ull << 52)) {
    errno = ERANGE;  // subnormal or zero
  }
  return FromBits(sign | bits);
}

}  // namespace

extern "C" double BTALK_STRTOD_NAME(const char* start, char** endptr) {
  const char* s = start;
  while (IsSpace(*s)) ++s;
  const bool negative = *s == '-';
  if (*s == '-' || *s == '+') ++s;
  auto finish = [&](const char* end, double value) {
    if (endptr) *endptr = const_cast<char*>(end);
    return value;
  };
  const double sign = negative ? -1.0 : 1.0;
  if (StartsWith(s, "inf")) {
    s += StartsWith(s, "infinity") ? 8 : 3;
    return finish(s, sign * __builtin_inf());
  }
  if (StartsWith(s, "nan")) {
    s += 3;
    if (*s == '(') {
      const char* p = s + 1;
      while ((*p >= '0' && *p <= '9') || (Lower(*p) >= 'a' && Lower(*p) <= 'z') || *p == '_') ++p;
      if (*p == ')') s = p + 1;
    }
    return finish(s, negative ? -__builtin_nan("") : __builtin_nan(""));
  }
  if (s[0] == '0' && Lower(s[1]) == 'x') return finish(start, 0.0);  // hex floats: unsupported

  std::uint64_t m = 0;
  int kept = 0;               // significant digits in m
  std::int64_t exponent = 0;  // decimal exponent of m's last digit
  bool digits = false, dropped = false, point = false;
  for (;; ++s) {
    if (*s == '.' && !point) {
      point = true;
      continue;
    }
    if (*s < '0' || *s > '9') break;
    digits = true;
    const int digit = *s - '0';
    if (kept < 19) {
      if (m || digit) {
        m = m * 10 + static_cast<unsigned>(digit);
        ++kept;
      }
      if (point) --exponent;
    } else {
      if (!point) ++exponent;
      if (digit) dropped = true;
    }
  }
  if (!digits) return finish(start, 0.0);
  if (Lower(*s) == 'e') {
    const char* p = s + 1;
    const bool minus = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    if (*p >= '0' && *p <= '9') {
      std::int64_t n = 0;
      for (; *p >= '0' && *p <= '9'; ++p) {
        // Clamped far beyond any input length, so that "0.<a million zeros>1e1000005" still reads exactly.
        if (n < 100000000000000000) n = n * 10 + (*p - '0');
      }
      exponent += minus ? -n : n;
      s = p;
    }
  }
  if (m == 0) return finish(s, sign * 0.0);
  if (!dropped) {
    // Clinger's fast path: m and 10^|exponent| are exact doubles, so one
    // correctly rounded IEEE operation gives the correctly rounded result.
    if (exponent == 0) return finish(s, sign * static_cast<double>(m));
    while (m % 10 == 0 && (m > (1ull << 53) || exponent < -22)) {  // trailing zeros: 1.20000000e-20
      m /= 10;
      ++exponent;
    }
    while (exponent > 22 && m <= (1ull << 53) / 10) {  // 12e24 is 12000e21
      m *= 10;
      --exponent;
    }
    if (m <= (1ull << 53) && exponent >= -22 && exponent <= 22) {
      const double d = static_cast<double>(m);
      return finish(s, sign * (exponent < 0 ? d / kExact[-exponent] : d * kExact[exponent]));
    }
  }
  // m has at most 19 digits: m * 10^exponent overflows above 10^309 and is
  // below half the smallest subnormal (~2.5e-324) under 10^-343.
  if (exponent + kept > 310) {
    errno = ERANGE;
    return finish(s, sign * __builtin_inf());
  }
  if (exponent + kept < -325) {
    errno = ERANGE;
    return finish(s, sign * 0.0);
  }
  int e = 0;
  std::uint64_t f = m;
  while (!(f >> 63)) {
    f <<= 1;
    --e;
  }
  const Power* table = kPowers[exponent < 0 ? 1 : 0];
  std::uint64_t k = static_cast<std::uint64_t>(exponent < 0 ? -exponent : exponent);
  for (int i = 0; k; ++i, k >>= 1) {
    if (k & 1) Multiply(f, e, table[i]);
  }
  return finish(s, ToDouble(f, e, negative));
}

extern "C" float BTALK_STRTOF_NAME(const char* start, char** endptr) {
  return static_cast<float>(BTALK_STRTOD_NAME(start, endptr));
}

extern "C" long double BTALK_STRTOLD_NAME(const char* start, char** endptr) {
  return BTALK_STRTOD_NAME(start, endptr);
}
