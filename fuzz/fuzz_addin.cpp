// libFuzzer target over the add-in component in-process (addin/functions.hpp), the code Calc
// calls with whatever a user typed. A crash here is a crash of the user's office, so every
// XFunctions method gets numbers from fuzz_input.hpp and, for its optional `any` arguments,
// any UNO value a cell or formula could deliver (left out, numbers of every UNO type, text,
// booleans, ranges, ...), and the XAddIn name lookups get any name, index and locale.
// Checks:
//   - only css::lang::IllegalArgumentException leaves a method (Err:502 in Calc), with a
//     message and an ArgumentPosition in -1..argument count - 1; results are finite;
//   - an optional argument that is neither left out nor a number is rejected at its own
//     position;
//   - otherwise the method is the core function, exactly: the same value, or the core's
//     error at the same (0-based) position, -1 for "the result";
//   - PROACTIVEPLAN's table is 8 labelled rows holding the core plan's values;
//   - XAddIn answers known names and in-range indexes with text and anything else with "".
//
// Input layout: byte 0 method selector, byte 1 flags (bit 2: Dutch labels), then per
// argument an encoded number (fuzz_input.hpp) or, for `any` arguments, a kind byte and its
// payload (see anyArgument).

#include "fuzz_input.hpp"

#include "functions.hpp"

#include <leadplan/leadplan.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <vector>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <cppu/unotype.hxx>
#include <rtl/ref.hxx>
#include <rtl/ustring.hxx>

namespace {

using css::uno::Any;
using css::uno::Sequence;
using leadplan::Optional;
using leadplan::addin::FunctionsImpl;
using leadplan::fuzz::Input;
using rtl::OUString;
using Block = std::vector<std::vector<double>>;

[[noreturn]] void fail(const char* method, const char* what, double value = 0.0, int position = -99)
{
    std::fprintf(stderr, "fuzz_addin: %s: %s (value %.17g, position %d)\n", method, what, value,
                 position);
    std::abort();
}

// An `any` argument and what the contract makes of it: left out, a number, or invalid.
struct Argument {
    Any value;
    bool valid = true;
    Optional number;
};

template <class T>
Any typed(const T& value, const css::uno::Type& type)
{
    return Any(&value, type);
}

OUString text(Input& in)
{
    const std::size_t length = in.byte() % 12u;
    std::vector<sal_Unicode> units;
    for (std::size_t i = 0; i < length; ++i)
        units.push_back(static_cast<sal_Unicode>(in.bits<std::uint16_t>()));
    return units.empty() ? OUString()
                         : OUString(units.data(), static_cast<sal_Int32>(units.size()));
}

Sequence<Sequence<double>> sequenceOf(const Block& cells)
{
    Sequence<Sequence<double>> rows(static_cast<sal_Int32>(cells.size()));
    for (std::size_t i = 0; i < cells.size(); ++i) {
        Sequence<double> row(static_cast<sal_Int32>(cells[i].size()));
        for (std::size_t j = 0; j < cells[i].size(); ++j)
            row.getArray()[j] = cells[i][j];
        rows.getArray()[i] = row;
    }
    return rows;
}

Any scalar(Input& in);

// A range as Calc passes it to an `any` argument: rows of anys.
Any range(Input& in)
{
    const std::uint8_t shape = in.byte();
    Sequence<Sequence<Any>> rows(static_cast<sal_Int32>(shape & 3u));
    for (sal_Int32 i = 0; i < rows.getLength(); ++i) {
        Sequence<Any> row(static_cast<sal_Int32>((shape >> 2) & 3u));
        for (sal_Int32 j = 0; j < row.getLength(); ++j)
            row.getArray()[j] = scalar(in);
        rows.getArray()[i] = row;
    }
    return Any(rows);
}

// A single UNO value of no particular meaning, for cells inside ranges.
Any scalar(Input& in)
{
    switch (in.byte() % 4) {
    case 0:
        return Any();
    case 1:
        return Any(in.number());
    case 2:
        return Any(text(in));
    default:
        return Any(in.byte() % 2 == 0);
    }
}

Argument anyArgument(Input& in)
{
    Argument a;
    const auto number = [&a](double value, Any any) {
        a.value = std::move(any);
        a.number = value;
    };
    const auto invalid = [&a](Any any) {
        a.value = std::move(any);
        a.valid = false;
    };
    switch (in.byte() % 17) {
    case 0:
        break;  // left out: void
    case 1: {
        const double value = in.number();
        number(value, Any(value));
        break;
    }
    case 2: {
        const std::uint32_t raw = in.bits<std::uint32_t>();
        float value;
        std::memcpy(&value, &raw, sizeof value);
        number(static_cast<double>(value), typed(value, cppu::UnoType<float>::get()));
        break;
    }
    case 3: {
        const auto value = static_cast<sal_Int8>(in.byte());
        number(value, typed(value, cppu::UnoType<sal_Int8>::get()));
        break;
    }
    case 4: {
        const auto value = static_cast<sal_Int16>(in.bits<std::uint16_t>());
        number(value, typed(value, cppu::UnoType<sal_Int16>::get()));
        break;
    }
    case 5: {
        const auto value = static_cast<sal_uInt16>(in.bits<std::uint16_t>());
        number(value, typed(value, cppu::UnoType<cppu::UnoUnsignedShortType>::get()));
        break;
    }
    case 6: {
        const auto value = static_cast<sal_Int32>(in.bits<std::uint32_t>());
        number(value, typed(value, cppu::UnoType<sal_Int32>::get()));
        break;
    }
    case 7: {
        const auto value = static_cast<sal_uInt32>(in.bits<std::uint32_t>());
        number(value, typed(value, cppu::UnoType<sal_uInt32>::get()));
        break;
    }
    case 8: {
        const auto value = static_cast<sal_Int64>(in.bits<std::uint64_t>());
        number(static_cast<double>(value), typed(value, cppu::UnoType<sal_Int64>::get()));
        break;
    }
    case 9: {
        const auto value = static_cast<sal_uInt64>(in.bits<std::uint64_t>());
        number(static_cast<double>(value), typed(value, cppu::UnoType<sal_uInt64>::get()));
        break;
    }
    case 10:
        invalid(Any(text(in)));
        break;
    case 11:
        invalid(Any(in.byte() % 2 == 0));
        break;
    case 12:
        invalid(range(in));
        break;
    case 13:
        invalid(Any(sequenceOf(in.block<Block>())));
        break;
    case 14: {
        const auto value = static_cast<sal_Unicode>(in.bits<std::uint16_t>());
        invalid(typed(value, cppu::UnoType<cppu::UnoCharType>::get()));
        break;
    }
    case 15:
        invalid(Any(cppu::UnoType<double>::get()));
        break;
    default:
        invalid(Any(Sequence<double>(2)));
        break;
    }
    return a;
}

// What a method did: a value (or table), or the ArgumentPosition of its exception.
struct Outcome {
    bool ok = false;
    double value = 0.0;
    int position = -99;
};

Outcome callAddin(const char* method, int argumentCount, const std::function<double()>& call)
{
    Outcome out;
    try {
        out.value = call();
        out.ok = true;
        if (!std::isfinite(out.value))
            fail(method, "returned a value that is not finite", out.value);
    } catch (const css::lang::IllegalArgumentException& error) {
        out.position = error.ArgumentPosition;
        if (error.Message.isEmpty())
            fail(method, "IllegalArgumentException without a message", 0.0, out.position);
        if (out.position < -1 || out.position >= argumentCount)
            fail(method, "ArgumentPosition outside -1..argument count - 1", 0.0, out.position);
    } catch (...) {
        fail(method, "threw something other than IllegalArgumentException");
    }
    return out;
}

Outcome callCore(const char* method, const std::function<double()>& call)
{
    Outcome out;
    try {
        out.value = call();
        out.ok = true;
    } catch (const leadplan::InvalidArgument& error) {
        out.position = error.position() - 1;  // UNO counts from 0; -1 is "the result"
    } catch (...) {
        fail(method, "the core threw something other than InvalidArgument");
    }
    return out;
}

// The method against the contract, given its `any` arguments and their 1-based positions.
void compare(const char* method, int argumentCount,
             std::initializer_list<std::pair<int, const Argument*>> anys,
             const std::function<double()>& addinCall, const std::function<double()>& coreCall)
{
    const Outcome addin = callAddin(method, argumentCount, addinCall);
    bool anyInvalid = false;
    bool namedInvalid = false;
    for (const auto& [position, argument] : anys) {
        if (!argument->valid) {
            anyInvalid = true;
            namedInvalid = namedInvalid || addin.position == position - 1;
        }
    }
    if (anyInvalid) {
        if (addin.ok || !namedInvalid)
            fail(method, "an optional argument that is not a number was not the one rejected",
                 addin.value, addin.position);
        return;
    }
    const Outcome core = callCore(method, coreCall);
    if (core.ok != addin.ok)
        fail(method, core.ok ? "rejected what the core computes" : "computed what the core rejects",
             addin.value, addin.position);
    if (core.ok && !(addin.value == core.value))
        fail(method, "a value different from the core's", addin.value);
    if (!core.ok && core.position != addin.position)
        fail(method, "an ArgumentPosition different from the core's", 0.0, addin.position);
}

void fuzzPlan(FunctionsImpl& addin, Input& in)
{
    const double T = in.number(), S = in.number(), E = in.number(), c = in.number(),
                 M = in.number();
    const Argument cm = anyArgument(in), r = anyArgument(in);
    Sequence<Sequence<Any>> table;
    compare(
        "proactivePlan", 7, {{6, &cm}, {7, &r}},
        [&] {
            table = addin.proactivePlan(T, S, E, c, M, cm.value, r.value);
            return 0.0;
        },
        [&] {
            (void)leadplan::proactivePlan(T, S, E, c, M, cm.number, r.number);
            return 0.0;
        });
    if (table.getLength() == 0)
        return;
    const leadplan::Plan plan = leadplan::proactivePlan(T, S, E, c, M, cm.number, r.number);
    if (table.getLength() != leadplan::planSize)
        fail("proactivePlan", "the table does not have one row per plan value", 0.0,
             table.getLength());
    for (int i = 0; i < leadplan::planSize; ++i) {
        const Sequence<Any>& row = table[i];
        OUString label;
        double value = 0.0;
        if (row.getLength() != 2 || !(row[0] >>= label) || label.isEmpty() || !(row[1] >>= value))
            fail("proactivePlan", "a row is not (label, number)", 0.0, i);
        if (!std::isfinite(value) || value != leadplan::planValue(plan, i))
            fail("proactivePlan", "a value different from the core plan's", value, i);
    }
}

void fuzzNames(FunctionsImpl& addin, Input& in)
{
    static constexpr const char* methods[] = {
        "requiredOrders",   "newCustomerOrders", "requiredLeads",      "proactiveLeads",
        "proactiveRevenue", "achievableRevenue", "requiredConversion", "averageOrderSize",
        "conversionRate",   "proactivePlan"};
    const std::uint8_t pick = in.byte();
    const bool known = pick < std::size(methods);
    const OUString name = known ? OUString::createFromAscii(methods[pick]) : text(in);
    const std::uint8_t indexKind = in.byte();
    const sal_Int32 index = indexKind % 2 == 0 ? static_cast<sal_Int32>(indexKind / 2) - 2
                                               : static_cast<sal_Int32>(in.bits<std::uint32_t>());

    static const char* const languages[] = {"en", "nl", "de", "", "qlt"};
    const std::uint8_t localeKind = in.byte();
    css::lang::Locale locale;
    locale.Language = localeKind < std::size(languages)
                          ? OUString::createFromAscii(languages[localeKind])
                          : text(in);
    locale.Country = text(in);
    locale.Variant = localeKind == 4 ? OUString("nl-NL") : text(in);
    addin.setLocale(locale);
    (void)addin.getLocale();

    const OUString display = addin.getDisplayFunctionName(name);
    const OUString description = addin.getFunctionDescription(name);
    const OUString argumentName = addin.getDisplayArgumentName(name, index);
    const OUString argumentDescription = addin.getArgumentDescription(name, index);
    const OUString category = addin.getDisplayCategoryName(name);
    const OUString programmaticCategory = addin.getProgrammaticCategoryName(name);
    const Sequence<css::sheet::LocalizedName> compatibility = addin.getCompatibilityNames(name);
    const OUString back = addin.getProgrammaticFuntionName(display);
    (void)addin.getProgrammaticFuntionName(name);
    if (category.isEmpty() || programmaticCategory.isEmpty())
        fail("XAddIn", "no category");
    if (!known)
        return;
    const leadplan::meta::Function* function = leadplan::meta::findFunction(methods[pick]);
    if (function == nullptr)
        fail("XAddIn", "a method missing from the function table", 0.0, pick);
    if (display.isEmpty() || description.isEmpty() || compatibility.getLength() == 0)
        fail("XAddIn", "a known function without a display name, description or file name", 0.0,
             pick);
    const bool inRange = index >= 0 && static_cast<std::size_t>(index) < function->arguments.size();
    if (argumentName.isEmpty() == inRange || argumentDescription.isEmpty() == inRange)
        fail("XAddIn", "argument text for an index out of range, or none in range", 0.0, index);
    (void)back;
}

void fuzzOne(Input& in)
{
    const std::uint8_t selector = in.byte();
    const std::uint8_t flags = in.byte();
    const auto language =
        (flags & 4u) != 0 ? leadplan::meta::Language::dutch : leadplan::meta::Language::english;
    const rtl::Reference<FunctionsImpl> addin(new FunctionsImpl(language));

    switch (selector % 11) {
    case 0: {
        const double T = in.number(), S = in.number();
        const Argument r = anyArgument(in);
        compare(
            "requiredOrders", 3, {{3, &r}}, [&] { return addin->requiredOrders(T, S, r.value); },
            [&] { return leadplan::requiredOrders(T, S, r.number); });
        break;
    }
    case 1: {
        const double T = in.number(), S = in.number(), E = in.number();
        const Argument r = anyArgument(in);
        compare(
            "newCustomerOrders", 4, {{4, &r}},
            [&] { return addin->newCustomerOrders(T, S, E, r.value); },
            [&] { return leadplan::newCustomerOrders(T, S, E, r.number); });
        break;
    }
    case 2: {
        const double T = in.number(), S = in.number(), E = in.number(), c = in.number();
        const Argument r = anyArgument(in);
        compare(
            "requiredLeads", 5, {{5, &r}},
            [&] { return addin->requiredLeads(T, S, E, c, r.value); },
            [&] { return leadplan::requiredLeads(T, S, E, c, r.number); });
        break;
    }
    case 3: {
        const double T = in.number(), S = in.number(), E = in.number(), c = in.number(),
                     M = in.number();
        const Argument cm = anyArgument(in), r = anyArgument(in);
        compare(
            "proactiveLeads", 7, {{6, &cm}, {7, &r}},
            [&] { return addin->proactiveLeads(T, S, E, c, M, cm.value, r.value); },
            [&] { return leadplan::proactiveLeads(T, S, E, c, M, cm.number, r.number); });
        break;
    }
    case 4: {
        const double T = in.number(), S = in.number(), E = in.number(), c = in.number(),
                     M = in.number();
        const Argument cm = anyArgument(in);
        compare(
            "proactiveRevenue", 6, {{6, &cm}},
            [&] { return addin->proactiveRevenue(T, S, E, c, M, cm.value); },
            [&] { return leadplan::proactiveRevenue(T, S, E, c, M, cm.number); });
        break;
    }
    case 5: {
        const double S = in.number(), E = in.number(), c = in.number(), M = in.number(),
                     P = in.number();
        const Argument cm = anyArgument(in);
        compare(
            "achievableRevenue", 6, {{6, &cm}},
            [&] { return addin->achievableRevenue(S, E, c, M, P, cm.value); },
            [&] { return leadplan::achievableRevenue(S, E, c, M, P, cm.number); });
        break;
    }
    case 6: {
        const double T = in.number(), S = in.number(), E = in.number(), leads = in.number();
        const Argument r = anyArgument(in);
        compare(
            "requiredConversion", 5, {{5, &r}},
            [&] { return addin->requiredConversion(T, S, E, leads, r.value); },
            [&] { return leadplan::requiredConversion(T, S, E, leads, r.number); });
        break;
    }
    case 7: {
        const Block revenue = in.block<Block>(), orders = in.block<Block>();
        compare(
            "averageOrderSize", 2, {},
            [&] { return addin->averageOrderSize(sequenceOf(revenue), sequenceOf(orders)); },
            [&] { return leadplan::averageOrderSize(revenue, orders); });
        break;
    }
    case 8: {
        const Block won = in.block<Block>(), leads = in.block<Block>();
        compare(
            "conversionRate", 2, {},
            [&] { return addin->conversionRate(sequenceOf(won), sequenceOf(leads)); },
            [&] { return leadplan::conversionRate(won, leads); });
        break;
    }
    case 9:
        fuzzPlan(*addin, in);
        break;
    default:
        fuzzNames(*addin, in);
        break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    fuzzOne(in);
    return 0;
}
