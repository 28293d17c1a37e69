// Helpers shared by the core's test files.
#pragma once

#include <leadplan/leadplan.hpp>

#include <limits>

namespace leadplan::test {

inline constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double inf = std::numeric_limits<double>::infinity();

// Runs f and returns the position named by its InvalidArgument, or -1 if it returned.
template <class F>
int invalidPosition(F&& f)
{
    try {
        f();
    } catch (const InvalidArgument& e) {
        return e.position();
    }
    return -1;
}

}  // namespace leadplan::test
