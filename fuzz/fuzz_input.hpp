// Decodes a fuzzer's bytes into the numbers a Calc user could type, for fuzz_core.cpp and
// fuzz_addin.cpp. A missing byte reads as 0, so every input, however short, decodes.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>

namespace leadplan::fuzz {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double dmax = std::numeric_limits<double>::max();
constexpr double dmin = std::numeric_limits<double>::min();
constexpr double denorm = std::numeric_limits<double>::denorm_min();
constexpr double eps = std::numeric_limits<double>::epsilon();

// Values a user types, the article's figures, and the edges of double arithmetic. One
// byte picks one, so the fuzzer reaches them without guessing 8-byte patterns.
// clang-format off
inline constexpr double specials[] = {
    0.0, 1.0, 2.0, -0.0, -1.0, 0.5, 0.2, 0.25, 0.1, 0.7, 2.1, 3.0, 12.0, 30.0, 60.0, 20000.0,
    30000.0, 1e6, 1.5e6, 40.0, 100.0, notANumber, -notANumber, infinity, -infinity, dmax, -dmax,
    1e308, -1e308, dmin, -dmin, denorm, 1e-308, 1e-300, 1e300, 1e15,
    9007199254740992.0 /* 2^53 */, 1.0 + eps, 1.0 - eps / 2, 0.9999999999, 1.0000000001,
    2.0000000000000004, 1e-9, 1.5, -2.0, 1e154 /* squares to about dmax */};
// clang-format on
inline constexpr std::size_t specialCount = std::size(specials);
inline constexpr std::size_t rawKind = 255;
static_assert(specialCount < 64, "leave most kind bytes for the encoded forms");

class Input {
public:
    Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : std::uint8_t{0}; }

    template <class Unsigned>
    Unsigned bits()
    {
        Unsigned value = 0;
        for (std::size_t i = 0; i < sizeof(Unsigned); ++i)
            value = static_cast<Unsigned>(value | (Unsigned{byte()} << (8 * i)));
        return value;
    }

    // One kind byte, then 0..8 payload bytes. Kind 255 is a raw double, so seeds can
    // state exact values whatever the special table holds.
    double number()
    {
        const std::size_t kind = byte();
        if (kind == rawKind) {  // any bit pattern: every NaN payload, subnormal, extreme
            const std::uint64_t raw = bits<std::uint64_t>();
            double value;
            std::memcpy(&value, &raw, sizeof value);
            return value;
        }
        if (kind < specialCount)
            return specials[kind];
        switch ((kind - specialCount) % 3) {
        case 0:  // small whole numbers, negative ones included
            return static_cast<double>(static_cast<std::int8_t>(byte()));
        case 1:  // fractions in [0, 1): conversion ratios, rates, non-integer modes
            return static_cast<double>(byte()) / 256.0;
        default: {  // a small mantissa at any binary scale, into overflow and subnormals
            const double mantissa = static_cast<double>(static_cast<std::int8_t>(byte())) / 16.0;
            const int high = byte();
            const int exponent = (high * 256 + byte()) % 2200 - 1100;
            return std::ldexp(mantissa, exponent);
        }
        }
    }

    std::optional<double> optional(bool present)
    {
        const double value = number();
        return present ? std::optional<double>{value} : std::nullopt;
    }

    // A block of cells, up to 3 x 3, as rows of columns.
    template <class Block>
    Block block()
    {
        const std::uint8_t shape = byte();
        const std::size_t rows = shape & 3u;
        const std::size_t columns = (shape >> 2) & 3u;
        Block cells;
        for (std::size_t i = 0; i < rows; ++i) {
            typename Block::value_type row;
            for (std::size_t j = 0; j < columns; ++j)
                row.push_back(number());
            cells.push_back(row);
        }
        return cells;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

}  // namespace leadplan::fuzz
