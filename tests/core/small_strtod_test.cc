// wasm/small_strtod.cc (the shipped module's strtod) against the C library's
// strtod (glibc natively, musl in the wasm suite), compiled here under another
// name so it replaces nothing in the test binary.
#define BTALK_STRTOD_NAME btalk_small_strtod
#define BTALK_STRTOF_NAME btalk_small_strtof
#define BTALK_STRTOLD_NAME btalk_small_strtold
#include "../../wasm/small_strtod.cc"

#include <gtest/gtest.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

namespace {

std::uint64_t Bits(double d) {
  std::uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

// Distance in ulps along the ordered doubles (+0 and -0 are 0 apart).
std::uint64_t UlpDistance(double a, double b) {
  auto key = [](double d) {
    const std::uint64_t b = Bits(d);
    return (b >> 63) ? -static_cast<std::int64_t>(b & ~(1ull << 63)) : static_cast<std::int64_t>(b);
  };
  const std::int64_t ka = key(a), kb = key(b);
  return ka > kb ? static_cast<std::uint64_t>(ka - kb) : static_cast<std::uint64_t>(kb - ka);
}

struct Parsed {
  double value;
  std::ptrdiff_t consumed;
  bool range_error;
};

Parsed Ours(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const double d = btalk_small_strtod(text.c_str(), &end);
  return {d, end - text.c_str(), errno == ERANGE};
}

Parsed Libc(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const double d = std::strtod(text.c_str(), &end);
  return {d, end - text.c_str(), errno == ERANGE};
}

TEST(SmallStrtodTest, GrammarAndEndptrMatchTheCLibrary) {
  const char* const cases[] = {
      "", " ", "+", "-", ".", "-.", "e5", ".e1", "1", "-1", "+1", "1.", ".5", "-.5", "01.50", "1e", "1e+", "1e-",
      "1E+2", "1e-2x", "1.5e3.2", "1..2", "  \t\n\v\f\r-1.5e3xyz", "0", "-0", "-0.0e10", "0e999999",
      "0.000000000000000000000000000001", "12345678901234567890123", "1e-400", "-1e-400", "1e400", "-1e400",
      "1e2147483648", "1e-2147483649", "1e99999999999999999999", "4.9e-324", "2.4703282292062328e-324",
      "2.4703282292062327e-324", "2.2250738585072014e-308", "2.2250738585072011e-308", "1.7976931348623157e308",
      "1.7976931348623158e308", "1.7976931348623159e308", "9007199254740993", "9007199254740992e1",
      "18446744073709551615", "18446744073709551616", "9999999999999999999", "48.8566", "-0.1278", "2.35",
      "3.14159265358979323846264338327950288", "1e22", "1e23", "1e-22", "1e-23", "8.5070591730234615847e37",
      "inf", "-inf", "INF", "Infinity", "-infinity", "infin", "infx", "in", "nan", "-NaN", "nan(123abc_)", "nan(",
      "nan(1 2)", "na", "x1", "--1", "+-1", "1,5", ("\xC2\xA0" "1"),
  };
  for (const char* text : cases) {
    SCOPED_TRACE(std::string("input: \"") + text + "\"");
    const Parsed ours = Ours(text), libc = Libc(text);
    EXPECT_EQ(ours.consumed, libc.consumed);
    if (std::isnan(libc.value)) {
      EXPECT_TRUE(std::isnan(ours.value));  // a NaN's sign is unspecified: glibc's "-nan" is negative, musl's not
      continue;
    }
    EXPECT_LE(UlpDistance(ours.value, libc.value), 1u) << ours.value << " vs " << libc.value;
    EXPECT_EQ(std::signbit(ours.value), std::signbit(libc.value));
    if (std::isinf(libc.value) || libc.value == 0) {
      EXPECT_EQ(Bits(ours.value), Bits(libc.value));
      if (libc.range_error) {
        EXPECT_TRUE(ours.range_error);
      }
    }
    if (std::isfinite(libc.value) && std::fabs(libc.value) >= 2.2250738585072014e-308) {
      EXPECT_FALSE(ours.range_error);
    }
  }
}

// Digit counts offset the written exponent: neither may be clamped too early.
TEST(SmallStrtodTest, LongInputsMatchTheCLibrary) {
  const std::string inputs[] = {
      "0." + std::string(1000000, '0') + "1e1000005", "1" + std::string(1000000, '0') + "e-1000000",
      std::string(300, '9'), std::string(400, '9'), "0." + std::string(330, '0') + "1",
      std::string(31, '9') + "e-354", "1e-99999999999999999999", "1." + std::string(50000, '3'),
  };
  for (const std::string& text : inputs) {
    SCOPED_TRACE(text.substr(0, 40));
    const Parsed ours = Ours(text), libc = Libc(text);
    EXPECT_LE(UlpDistance(ours.value, libc.value), 1u) << ours.value << " vs " << libc.value;
    EXPECT_EQ(ours.consumed, libc.consumed);
  }
}

TEST(SmallStrtodTest, NullEndptrIsAllowed) {
  EXPECT_EQ(btalk_small_strtod("2.5", nullptr), 2.5);
  EXPECT_EQ(btalk_small_strtod("junk", nullptr), 0.0);
}

TEST(SmallStrtodTest, StrtofAndStrtoldGoThroughStrtod) {
  for (const char* text : {"2.5", "-0.1", "3.4028235e38", "1e39", "1e-50", "48.8566x", "junk"}) {
    SCOPED_TRACE(text);
    char* ours_end = nullptr;
    char* libc_end = nullptr;
    const float ours = btalk_small_strtof(text, &ours_end);
    const float libc = std::strtof(text, &libc_end);
    EXPECT_EQ(ours, libc);
    EXPECT_EQ(ours_end, libc_end);
    char* long_end = nullptr;
    EXPECT_EQ(btalk_small_strtold(text, &long_end), static_cast<long double>(std::strtod(text, nullptr)));
    EXPECT_EQ(long_end, libc_end);
  }
}

TEST(SmallStrtodTest, HexFloatsAreNoConversion) {
  for (const char* text : {"0x1p3", "-0X10", "  0x"}) {
    char* end = nullptr;
    EXPECT_EQ(btalk_small_strtod(text, &end), 0.0) << text;
    EXPECT_EQ(end, text) << text;
  }
}

// Clinger's fast path: m <= 2^53, |decimal exponent| <= 22, spelt in many ways
// (point anywhere, leading and trailing zeros, exponent or not): bit-identical.
TEST(SmallStrtodTest, FastPathIsBitIdentical) {
  std::mt19937_64 random(20261201);
  int checked = 0;
  for (int i = 0; i < 100000; ++i) {
    const int magnitude = static_cast<int>(random() % 54);
    const std::uint64_t m = random() % ((1ull << magnitude) + 1);
    const std::string digits = std::to_string(m);
    const int zeros = static_cast<int>(random() % 4);
    std::string text = std::string(random() % 3, '0') + digits + std::string(zeros, '0');
    const int length = static_cast<int>(text.size());
    const int point = static_cast<int>(random() % (length + 1));
    const int exponent = static_cast<int>(random() % 45) - 22;  // of m's last digit
    // value = m * 10^exponent; with the point `point` places in, the digits
    // after it add -(length - point) and the trailing zeros +zeros.
    const int written = exponent + (length - point) - zeros;
    if (point < length || random() % 2) text.insert(static_cast<std::size_t>(point), ".");
    if (written != 0 || random() % 2) text += (random() % 2 ? "e" : "E") + std::to_string(written);
    if (random() % 3 == 0) text.insert(0, random() % 2 ? "-" : "+");
    SCOPED_TRACE("input: " + text);
    const Parsed ours = Ours(text), libc = Libc(text);
    ASSERT_EQ(Bits(ours.value), Bits(libc.value)) << ours.value << " vs " << libc.value;
    ASSERT_EQ(ours.consumed, libc.consumed);
    ASSERT_FALSE(ours.range_error);
    ++checked;
  }
  EXPECT_EQ(checked, 100000);
}

std::string RandomDigits(std::mt19937_64& random, int count) {
  std::string s;
  for (int i = 0; i < count; ++i) s += static_cast<char>('0' + random() % 10);
  return s;
}

void ExpectClose(const std::string& text, int& exact, std::uint64_t& worst) {
  SCOPED_TRACE("input: " + text);
  const Parsed ours = Ours(text), libc = Libc(text);
  const std::uint64_t distance = UlpDistance(ours.value, libc.value);
  ASSERT_LE(distance, 2u) << ours.value << " vs " << libc.value;
  ASSERT_EQ(ours.consumed, libc.consumed);
  if (std::isinf(libc.value) || libc.value == 0) {
    ASSERT_EQ(Bits(ours.value), Bits(libc.value));
  }
  if (distance == 0) ++exact;
  if (distance > worst) worst = distance;
}

// Outside the fast path: long mantissas, exponents across the whole range,
// subnormals, overflow and underflow: within 2 ulps (1 expected), endptr equal.
TEST(SmallStrtodTest, SlowPathIsWithinTwoUlps) {
  std::mt19937_64 random(42);
  int exact = 0, total = 0;
  std::uint64_t worst = 0;
  for (int i = 0; i < 100000; ++i, ++total) {
    std::string text = RandomDigits(random, 1 + static_cast<int>(random() % 30));
    text.insert(random() % (text.size() + 1), ".");
    if (text == ".") text = "0.";
    text += "e" + std::to_string(static_cast<int>(random() % 700) - 360);
    if (random() % 2) text.insert(0, "-");
    ExpectClose(text, exact, worst);
  }
  std::printf("[ slow path ] %d of %d decimal strings bit-identical, worst %llu ulp\n", exact, total,
              static_cast<unsigned long long>(worst));
  EXPECT_GE(exact, total * 99 / 100);  // the error bound (< 2^-58 before rounding) makes misses rare
}

// Every double printed the ways printers do (%.17g round-trips; shorter
// precisions land anywhere): within 2 ulps; the 17-digit ones nearly always exact.
TEST(SmallStrtodTest, PrintedDoublesReadBack) {
  std::mt19937_64 random(7);
  int exact = 0, total = 0, round_trips = 0, full = 0;
  std::uint64_t worst = 0;
  for (int i = 0; i < 50000; ++i) {
    double d;
    do {
      const std::uint64_t bits = random();
      std::memcpy(&d, &bits, sizeof d);
    } while (!std::isfinite(d));
    char buffer[64];
    for (int precision : {17, static_cast<int>(1 + random() % 16)}) {
      std::snprintf(buffer, sizeof buffer, random() % 2 ? "%.*g" : "%.*e", precision, d);
      ExpectClose(buffer, exact, worst);
      ++total;
      if (precision == 17) {
        ++full;
        if (Bits(Ours(buffer).value) == Bits(d)) ++round_trips;
      }
    }
  }
  std::printf("[ printed ] %d of %d bit-identical, %d of %d 17-digit round trips, worst %llu ulp\n", exact, total,
              round_trips, full, static_cast<unsigned long long>(worst));
  EXPECT_GE(round_trips, full * 99 / 100);
}

}  // namespace
