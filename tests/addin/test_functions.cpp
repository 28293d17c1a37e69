// The add-in component in-process (no soffice): argument conversion, ranges, error mapping
// to IllegalArgumentException with 0-based positions, and the contract's example values
// through the UNO methods. Expected values are the article's and the contract's (issue 2),
// computed by hand.
#define BOOST_TEST_MODULE leadplan_addin
#include <boost/test/unit_test.hpp>

#include "functions.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ref.hxx>

using css::uno::Any;
using css::uno::Sequence;
using leadplan::addin::FunctionsImpl;
using leadplan::meta::Language;
using rtl::OUString;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
const Any none;  // a left-out optional argument, as Calc passes it

using Block = Sequence<Sequence<double>>;

// A range as Calc passes it: rows of cells, empty and text cells as 0.
Block block(const std::vector<std::vector<double>>& rows)
{
    Block result(static_cast<sal_Int32>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Sequence<double> row(static_cast<sal_Int32>(rows[i].size()));
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            row.getArray()[j] = rows[i][j];
        result.getArray()[i] = row;
    }
    return result;
}

// Any has no constructor from sal_uInt16 (it would be ambiguous with a UTF-16 character).
Any unsignedShort(sal_uInt16 value)
{
    return Any(&value, cppu::UnoType<cppu::UnoUnsignedShortType>::get());
}

Block single(double value) { return block({{value}}); }

struct Fixture {
    rtl::Reference<FunctionsImpl> addin{new FunctionsImpl(Language::english)};
};

// The ArgumentPosition of the IllegalArgumentException that call throws; fails the test
// if it returns or throws anything else.
int errorPosition(const std::function<void()>& call)
{
    try {
        call();
    } catch (const css::lang::IllegalArgumentException& error) {
        BOOST_TEST(!error.Message.isEmpty());
        return error.ArgumentPosition;
    } catch (...) {
        BOOST_ERROR("an exception other than IllegalArgumentException crossed the component");
        return -100;
    }
    BOOST_ERROR("no exception for an invalid argument");
    return -100;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(conversion, Fixture)

BOOST_AUTO_TEST_CASE(left_out_optional_arguments_take_the_defaults)
{
    // r defaults to 1 (whole at every step), cm to c.
    BOOST_TEST(addin->requiredOrders(1000000, 30000, none) == 34.0);
    BOOST_TEST(addin->proactiveLeads(1000000, 30000, 30, 0.2, 10, none, none) == 10.0);
    BOOST_TEST(addin->proactiveLeads(1000000, 20000, 30, 0.2, 60, none, none) == 40.0);
    BOOST_TEST(addin->proactiveRevenue(1000000, 20000, 30, 0.2, 60, none) == 160000.0);
}

BOOST_AUTO_TEST_CASE(a_skipped_middle_argument_is_the_default)
{
    // =PROACTIVELEADS(1000000;30000;30;0.2;10;;0): cm left out, r = 0 (exact).
    BOOST_TEST(addin->proactiveLeads(1000000, 30000, 30, 0.2, 10, none, Any(0.0))
               == 20.0 / 3.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(numbers_of_every_uno_numeric_type_are_accepted)
{
    // r = 2 gives 17 leads for T = 1,000,000, S = 30,000, E = 30, c = 0.2.
    const std::vector<Any> two = {Any(2.0),
                                  Any(2.0f),
                                  Any(sal_Int8(2)),
                                  Any(sal_Int16(2)),
                                  unsignedShort(2),
                                  Any(sal_Int32(2)),
                                  Any(sal_uInt32(2)),
                                  Any(sal_Int64(2)),
                                  Any(sal_uInt64(2))};
    for (const Any& rounding : two)
        BOOST_TEST(addin->requiredLeads(1000000, 30000, 30, 0.2, rounding) == 17.0);
    // cm given as an integer 0: marketing's leads bring nothing.
    BOOST_TEST(addin->proactiveLeads(1000000, 20000, 30, 0.2, 60, Any(sal_Int32(0)), none)
               == 100.0);
}

BOOST_AUTO_TEST_CASE(text_and_other_non_numbers_are_errors_at_their_position)
{
    const Any text(OUString("x"));
    const Any number_as_text(OUString("1"));
    const Any boolean(true);
    const Any range(Sequence<Sequence<Any>>(1));
    for (const Any& wrong : {text, number_as_text, boolean, range}) {
        BOOST_TEST(errorPosition([&] { addin->requiredOrders(1000000, 20000, wrong); }) == 2);
        BOOST_TEST(errorPosition([&] { addin->newCustomerOrders(1000000, 20000, 30, wrong); }) == 3);
        BOOST_TEST(errorPosition([&] { addin->requiredLeads(1000000, 20000, 30, 0.2, wrong); }) == 4);
        BOOST_TEST(errorPosition([&] { addin->proactiveLeads(1000000, 20000, 30, 0.2, 60, wrong, none); }) == 5);
        BOOST_TEST(errorPosition([&] { addin->proactiveLeads(1000000, 20000, 30, 0.2, 60, none, wrong); }) == 6);
        BOOST_TEST(errorPosition([&] { addin->proactiveRevenue(1000000, 20000, 30, 0.2, 60, wrong); }) == 5);
        BOOST_TEST(errorPosition([&] { addin->achievableRevenue(20000, 30, 0.2, 60, 40, wrong); }) == 5);
        BOOST_TEST(errorPosition([&] { addin->requiredConversion(1000000, 20000, 30, 100, wrong); }) == 4);
        BOOST_TEST(errorPosition([&] { addin->proactivePlan(1000000, 20000, 30, 0.2, 60, wrong, none); }) == 5);
        BOOST_TEST(errorPosition([&] { addin->proactivePlan(1000000, 20000, 30, 0.2, 60, none, wrong); }) == 6);
    }
}

BOOST_AUTO_TEST_CASE(the_exception_names_the_component_as_its_context)
{
    try {
        addin->requiredOrders(1000000, 0, none);
        BOOST_ERROR("S = 0 was accepted");
    } catch (const css::lang::IllegalArgumentException& error) {
        BOOST_TEST(error.Context.get() == static_cast<cppu::OWeakObject*>(addin.get()));
        BOOST_TEST(error.Message.startsWith("REQUIREDORDERS"));
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(ranges, Fixture)

BOOST_AUTO_TEST_CASE(average_order_size_sums_ranges_with_gaps)
{
    // Twelve months in a column; empty months arrive as 0 and add nothing.
    const Block revenue = block({{100000}, {0}, {0}, {300000}, {0}, {200000},
                                 {0}, {0}, {250000}, {0}, {0}, {150000}});
    const Block orders = block({{5}, {0}, {0}, {15}, {0}, {10}, {0}, {0}, {12.5}, {0}, {0}, {7.5}});
    BOOST_TEST(addin->averageOrderSize(revenue, orders) == 20000.0);
    // Rows and columns of different shapes; only the totals count.
    BOOST_TEST(addin->averageOrderSize(block({{600000, 0, 400000}}), block({{20}, {0}, {30}}))
               == 20000.0);
    BOOST_TEST(addin->averageOrderSize(single(1000000), single(50)) == 20000.0);
}

BOOST_AUTO_TEST_CASE(conversion_rate_sums_ranges_with_gaps)
{
    const Block won = block({{4, 0, 6}, {0, 10, 0}});
    const Block leads = block({{20, 0, 30}, {0, 50, 0}});
    BOOST_TEST(addin->conversionRate(won, leads) == 0.2);
    BOOST_TEST(addin->conversionRate(single(20), single(100)) == 0.2);
    BOOST_TEST(addin->conversionRate(single(0), single(100)) == 0.0);
    BOOST_TEST(addin->conversionRate(single(100), single(100)) == 1.0);
}

BOOST_AUTO_TEST_CASE(invalid_totals_name_their_argument)
{
    // AVERAGEORDERSIZE: sum(orders) > 0 and sum(revenue) >= 0.
    BOOST_TEST(errorPosition([&] { addin->averageOrderSize(single(1000), block({{0, 0}, {0, 0}})); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->averageOrderSize(single(1000), Block()); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->averageOrderSize(block({{100, -300}}), single(5)); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->averageOrderSize(single(NaN), single(5)); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->averageOrderSize(single(1000), single(inf)); }) == 1);
    // CONVERSIONRATE: sum(leads) > 0 and 0 <= sum(won) <= sum(leads).
    BOOST_TEST(errorPosition([&] { addin->conversionRate(single(0), single(0)); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->conversionRate(single(-1), single(10)); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->conversionRate(block({{6, 6}}), block({{5}, {5}})); }) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(errors, Fixture)

// One invalid value per argument, each alone; the expected position is the argument's
// 0-based IDL position. Invalid values come from the contract's valid ranges.
BOOST_AUTO_TEST_CASE(every_argument_of_every_function_maps_to_its_position)
{
    const Any r1(1.0);
    // REQUIREDORDERS(T; S; [r])
    BOOST_TEST(errorPosition([&] { addin->requiredOrders(-1, 20000, r1); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->requiredOrders(NaN, 20000, r1); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->requiredOrders(1000000, 0, r1); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->requiredOrders(1000000, inf, r1); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->requiredOrders(1000000, 20000, Any(3.0)); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->requiredOrders(1000000, 20000, Any(0.5)); }) == 2);
    // NEWCUSTOMERORDERS(T; S; E; [r])
    BOOST_TEST(errorPosition([&] { addin->newCustomerOrders(-1, 20000, 30, r1); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->newCustomerOrders(1000000, -5, 30, r1); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->newCustomerOrders(1000000, 20000, -1, r1); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->newCustomerOrders(1000000, 20000, 30, Any(-1.0)); }) == 3);
    // REQUIREDLEADS(T; S; E; c; [r])
    BOOST_TEST(errorPosition([&] { addin->requiredLeads(-1, 20000, 30, 0.2, r1); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->requiredLeads(1000000, 0, 30, 0.2, r1); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->requiredLeads(1000000, 20000, -1, 0.2, r1); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->requiredLeads(1000000, 20000, 30, 0, r1); }) == 3);
    BOOST_TEST(errorPosition([&] { addin->requiredLeads(1000000, 20000, 30, 1.5, r1); }) == 3);
    BOOST_TEST(errorPosition([&] { addin->requiredLeads(1000000, 20000, 30, 0.2, Any(NaN)); }) == 4);
    // PROACTIVELEADS(T; S; E; c; M; [cm]; [r])
    BOOST_TEST(errorPosition([&] { addin->proactiveLeads(-1, 20000, 30, 0.2, 60, none, none); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeads(1, 0, 0, 0.2, 0, none, none); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeads(1000000, 20000, -1, 0.2, 60, none, none); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeads(1000000, 20000, 30, -0.2, 60, none, none); }) == 3);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeads(1000000, 20000, 30, 0.2, -1, none, none); }) == 4);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeads(1000000, 20000, 30, 0.2, 60, Any(1.5), none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeads(1000000, 20000, 30, 0.2, 60, Any(-0.1), none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeads(1000000, 20000, 30, 0.2, 60, none, Any(4.0)); }) == 6);
    // PROACTIVEREVENUE(T; S; E; c; M; [cm])
    BOOST_TEST(errorPosition([&] { addin->proactiveRevenue(-1, 20000, 30, 0.2, 60, none); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->proactiveRevenue(1000000, 0, 30, 0.2, 60, none); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->proactiveRevenue(1000000, 20000, -1, 0.2, 60, none); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->proactiveRevenue(1000000, 20000, 30, 0, 60, none); }) == 3);
    BOOST_TEST(errorPosition([&] { addin->proactiveRevenue(1000000, 20000, 30, 0.2, -1, none); }) == 4);
    BOOST_TEST(errorPosition([&] { addin->proactiveRevenue(1000000, 20000, 30, 0.2, 60, Any(2.0)); }) == 5);
    // ACHIEVABLEREVENUE(S; E; c; M; P; [cm])
    BOOST_TEST(errorPosition([&] { addin->achievableRevenue(0, 30, 0.2, 60, 40, none); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->achievableRevenue(20000, -1, 0.2, 60, 40, none); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->achievableRevenue(20000, 30, 0, 60, 40, none); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->achievableRevenue(20000, 30, 0.2, -1, 40, none); }) == 3);
    BOOST_TEST(errorPosition([&] { addin->achievableRevenue(20000, 30, 0.2, 60, -1, none); }) == 4);
    BOOST_TEST(errorPosition([&] { addin->achievableRevenue(20000, 30, 0.2, 60, 40, Any(1.01)); }) == 5);
    // REQUIREDCONVERSION(T; S; E; leads; [r])
    BOOST_TEST(errorPosition([&] { addin->requiredConversion(-1, 20000, 30, 100, r1); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->requiredConversion(1000000, 0, 30, 100, r1); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->requiredConversion(1000000, 20000, -1, 100, r1); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->requiredConversion(1000000, 20000, 30, 0, r1); }) == 3);
    BOOST_TEST(errorPosition([&] { addin->requiredConversion(1000000, 20000, 30, 100, Any(1.5)); }) == 4);
    // PROACTIVEPLAN(T; S; E; c; M; [cm]; [r])
    BOOST_TEST(errorPosition([&] { addin->proactivePlan(-1, 20000, 30, 0.2, 60, none, none); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->proactivePlan(1000000, 0, 30, 0.2, 60, none, none); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->proactivePlan(1000000, 20000, -1, 0.2, 60, none, none); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->proactivePlan(1000000, 20000, 30, 0, 60, none, none); }) == 3);
    BOOST_TEST(errorPosition([&] { addin->proactivePlan(1000000, 20000, 30, 0.2, -1, none, none); }) == 4);
    BOOST_TEST(errorPosition([&] { addin->proactivePlan(1000000, 20000, 30, 0.2, 60, Any(-1.0), none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->proactivePlan(1000000, 20000, 30, 0.2, 60, none, Any(7.0)); }) == 6);
}

BOOST_AUTO_TEST_CASE(a_result_that_is_not_finite_is_position_minus_one)
{
    // 1e308 / 1e-308 overflows: the result, not an argument, is at fault.
    BOOST_TEST(errorPosition([&] { addin->requiredOrders(1e308, 1e-308, none); }) == -1);
    BOOST_TEST(errorPosition([&] { addin->achievableRevenue(1e308, 1e308, 0.2, 0, 0, none); }) == -1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(article, Fixture)

BOOST_AUTO_TEST_CASE(the_worked_example)
{
    // T = 1,000,000, S = 20,000, E = 30, c = 0.2, M = 60.
    BOOST_TEST(addin->requiredOrders(1000000, 20000, none) == 50.0);
    BOOST_TEST(addin->newCustomerOrders(1000000, 20000, 30, none) == 20.0);
    BOOST_TEST(addin->requiredLeads(1000000, 20000, 30, 0.2, none) == 100.0);
    BOOST_TEST(addin->proactiveLeads(1000000, 20000, 30, 0.2, 60, none, none) == 40.0);
    BOOST_TEST(addin->proactiveRevenue(1000000, 20000, 30, 0.2, 60, none) == 160000.0);
    BOOST_TEST(addin->achievableRevenue(20000, 30, 0.2, 60, 40, none) == 1000000.0,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(addin->requiredConversion(1000000, 20000, 30, 100, none) == 0.2);
}

BOOST_AUTO_TEST_CASE(orders_that_do_not_divide_evenly_in_every_rounding_mode)
{
    // T = 1,000,000, S = 30,000, E = 30, c = 0.2, M = 10.
    const Any r0(0.0), r1(1.0), r2(2.0);
    BOOST_TEST(addin->requiredOrders(1000000, 30000, r1) == 34.0);
    BOOST_TEST(addin->newCustomerOrders(1000000, 30000, 30, r1) == 4.0);
    BOOST_TEST(addin->requiredLeads(1000000, 30000, 30, 0.2, r1) == 20.0);
    BOOST_TEST(addin->proactiveLeads(1000000, 30000, 30, 0.2, 10, none, r1) == 10.0);

    BOOST_TEST(addin->requiredOrders(1000000, 30000, r2) == 34.0);
    BOOST_TEST(addin->newCustomerOrders(1000000, 30000, 30, r2) == 4.0);
    BOOST_TEST(addin->requiredLeads(1000000, 30000, 30, 0.2, r2) == 17.0);
    BOOST_TEST(addin->proactiveLeads(1000000, 30000, 30, 0.2, 10, none, r2) == 7.0);

    const auto tolerance = boost::test_tools::tolerance(1e-12);
    BOOST_TEST(addin->requiredOrders(1000000, 30000, r0) == 100.0 / 3.0, tolerance);
    BOOST_TEST(addin->newCustomerOrders(1000000, 30000, 30, r0) == 10.0 / 3.0, tolerance);
    BOOST_TEST(addin->requiredLeads(1000000, 30000, 30, 0.2, r0) == 50.0 / 3.0, tolerance);
    BOOST_TEST(addin->proactiveLeads(1000000, 30000, 30, 0.2, 10, none, r0) == 20.0 / 3.0, tolerance);
}

BOOST_AUTO_TEST_CASE(lead_quality_by_source)
{
    // T = 1,500,000, S = 20,000, E = 30, c = 0.25, M = 60, cm = 0.1.
    BOOST_TEST(addin->proactiveLeads(1500000, 20000, 30, 0.25, 60, Any(0.1), none) == 156.0);
    BOOST_TEST(addin->proactiveRevenue(1500000, 20000, 30, 0.25, 60, Any(0.1)) == 780000.0,
               boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(the_tolerant_ceiling_reaches_the_cell)
{
    // 2.1 / 0.7 is 3.0000000000000004 in floating point: 3 orders, not 4.
    BOOST_TEST(addin->requiredOrders(2.1, 0.7, none) == 3.0);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

OUString labelOf(const Sequence<Any>& row)
{
    OUString label;
    BOOST_TEST((row[0] >>= label));
    return label;
}

double valueOf(const Sequence<Any>& row)
{
    double value = NaN;
    BOOST_TEST((row[1] >>= value));
    return value;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan)

BOOST_AUTO_TEST_CASE(eight_rows_of_label_and_value_in_english)
{
    const rtl::Reference<FunctionsImpl> addin(new FunctionsImpl(Language::english));
    const auto table = addin->proactivePlan(1000000, 20000, 30, 0.2, 60, none, none);
    BOOST_TEST_REQUIRE(table.getLength() == 8);
    for (const auto& row : table)
        BOOST_TEST_REQUIRE(row.getLength() == 2);
    const char* labels[] = {"Required orders",  "Existing-customer orders", "New-customer orders",
                            "Leads needed",     "Marketing leads",          "Proactive leads",
                            "Proactive revenue", "Proactive leads per month"};
    // O, E, N, L, M, P, proactive revenue, ceil~(P / 12).
    const double values[] = {50, 30, 20, 100, 60, 40, 160000, 4};
    for (int i = 0; i < 8; ++i) {
        BOOST_TEST(labelOf(table[i]) == OUString::createFromAscii(labels[i]));
        BOOST_TEST(valueOf(table[i]) == values[i]);
    }
}

BOOST_AUTO_TEST_CASE(labels_in_dutch_follow_the_ui_language_not_the_addin_locale)
{
    const rtl::Reference<FunctionsImpl> addin(new FunctionsImpl(Language::dutch));
    // Calc leaves the XAddIn locale at en-US after reading the names.
    addin->setLocale(css::lang::Locale("en", "US", ""));
    const auto table = addin->proactivePlan(1000000, 30000, 30, 0.2, 10, none, Any(0.0));
    BOOST_TEST_REQUIRE(table.getLength() == 8);
    const char* labels[] = {"Benodigde orders", "Orders bestaande klanten", "Orders nieuwe klanten",
                            "Benodigde leads",  "Marketingleads",           "Proactieve leads",
                            "Proactieve omzet", "Proactieve leads per maand"};
    for (int i = 0; i < 8; ++i)
        BOOST_TEST(labelOf(table[i]) == OUString::createFromAscii(labels[i]));
    // r = 0: exact throughout, P / 12 not rounded.
    BOOST_TEST(valueOf(table[5]) == 20.0 / 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(valueOf(table[7]) == 20.0 / 36.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(without_a_component_context_the_labels_are_english)
{
    const rtl::Reference<FunctionsImpl> addin(new FunctionsImpl(css::uno::Reference<css::uno::XComponentContext>()));
    const auto table = addin->proactivePlan(1000000, 20000, 30, 0.2, 60, none, none);
    BOOST_TEST((labelOf(table[0]) == "Required orders"));
}

BOOST_AUTO_TEST_SUITE_END()

// ACTIVITIESNEEDED (issue 13): rates as Calc passes a range to sequence<sequence<any>>
// (empty cells as empty strings, text as strings, numbers and TRUE as doubles), the shape
// rules, and the column it returns.
namespace {

using AnyBlock = Sequence<Sequence<Any>>;

// A cell: a number, "" for an empty cell, any other string for text.
struct Cell {
    Cell(double number) : value(number) {}
    Cell(const char* text) : value(OUString::createFromAscii(text)) {}
    Any value;
};

AnyBlock anyBlock(const std::vector<std::vector<Cell>>& rows)
{
    AnyBlock result(static_cast<sal_Int32>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Sequence<Any> row(static_cast<sal_Int32>(rows[i].size()));
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            row.getArray()[j] = rows[i][j].value;
        result.getArray()[i] = row;
    }
    return result;
}

std::vector<double> column(const Block& result)
{
    std::vector<double> out;
    for (const auto& row : result) {
        BOOST_TEST_REQUIRE(row.getLength() == 1);
        out.push_back(row[0]);
    }
    return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(activities_needed, Fixture)

BOOST_AUTO_TEST_CASE(rates_as_a_row_a_column_or_one_cell)
{
    const std::vector<double> funnel = {800, 200, 80};
    BOOST_TEST(column(addin->activitiesNeeded(40, anyBlock({{0.25, 0.4, 0.5}}), none)) == funnel,
               boost::test_tools::per_element());
    BOOST_TEST(column(addin->activitiesNeeded(40, anyBlock({{0.25}, {0.4}, {0.5}}), none)) == funnel,
               boost::test_tools::per_element());
    BOOST_TEST(column(addin->activitiesNeeded(39.5, anyBlock({{0.5}}), none)) == std::vector<double>{79},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_cells_are_skipped)
{
    const std::vector<double> funnel = {800, 200, 80};
    BOOST_TEST(column(addin->activitiesNeeded(40, anyBlock({{"", 0.25, "", 0.4, 0.5, ""}}), none)) == funnel,
               boost::test_tools::per_element());
    BOOST_TEST(column(addin->activitiesNeeded(40, anyBlock({{0.25}, {""}, {0.4}, {""}, {0.5}}), none)) == funnel,
               boost::test_tools::per_element());
    // A void Any (no Calc cell passes one, an API caller might) counts as empty too.
    AnyBlock withVoid = anyBlock({{0.25, 0.4, 0.5, 0.5}});
    withVoid.getArray()[0].getArray()[3] = Any();
    BOOST_TEST(column(addin->activitiesNeeded(40, withVoid, none)) == funnel, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(rounding_modes)
{
    const AnyBlock uneven = anyBlock({{0.3, 0.45, 0.6}});
    BOOST_TEST(column(addin->activitiesNeeded(40, uneven, none)) == (std::vector<double>{497, 149, 67}),
               boost::test_tools::per_element());
    BOOST_TEST(column(addin->activitiesNeeded(40, uneven, Any(sal_Int32(1)))) == (std::vector<double>{497, 149, 67}),
               boost::test_tools::per_element());
    BOOST_TEST(column(addin->activitiesNeeded(40, uneven, Any(2.0))) == (std::vector<double>{494, 149, 67}),
               boost::test_tools::per_element());
    const auto exact = column(addin->activitiesNeeded(40, uneven, Any(0.0)));
    BOOST_TEST_REQUIRE(exact.size() == 3u);
    BOOST_TEST(exact[0] == 40 / 0.6 / 0.45 / 0.3, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(column(addin->activitiesNeeded(0, uneven, none)) == (std::vector<double>{0, 0, 0}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(invalid_arguments_map_to_their_positions)
{
    const AnyBlock ok = anyBlock({{0.25, 0.4, 0.5}});
    BOOST_TEST(errorPosition([&] { addin->activitiesNeeded(-1, ok, none); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->activitiesNeeded(NaN, ok, none); }) == 0);
    const std::vector<AnyBlock> badRates = {
        AnyBlock(),                                   // no cells at all
        anyBlock({{""}}),                             // only an empty cell
        anyBlock({{"", ""}, }),                       // only empty cells
        anyBlock({{0.25, "calls", 0.5}}),             // text
        anyBlock({{"0.25"}}),                         // a number as text
        anyBlock({{0.25, 0.4}, {0.5, 0.5}}),          // a block
        anyBlock({{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, ""}}),  // 11 cells
        anyBlock({{0.0}}), anyBlock({{-0.25}}), anyBlock({{1.5}}), anyBlock({{inf}}), anyBlock({{NaN}}),
    };
    for (const AnyBlock& rates : badRates)
        BOOST_TEST(errorPosition([&] { addin->activitiesNeeded(40, rates, none); }) == 1);
    AnyBlock boolean = anyBlock({{0.5}});
    boolean.getArray()[0].getArray()[0] <<= true;
    BOOST_TEST(errorPosition([&] { addin->activitiesNeeded(40, boolean, none); }) == 1);
    // Ten cells are allowed.
    BOOST_TEST(column(addin->activitiesNeeded(1, anyBlock({{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}}), none))[0]
               == 1024.0);
    for (const Any& r : {Any(3.0), Any(0.5), Any(OUString("1")), Any(AnyBlock(1))})
        BOOST_TEST(errorPosition([&] { addin->activitiesNeeded(40, ok, r); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->activitiesNeeded(1e308, anyBlock({{0.5}}), none); }) == -1);
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 12 through the UNO methods: the figures, the optional cm at 0-based
// position 6, and every invalid argument at its 0-based position.
BOOST_FIXTURE_TEST_SUITE(how_sure, Fixture)

BOOST_AUTO_TEST_CASE(the_articles_chance_and_leads_for_a_certainty)
{
    BOOST_TEST(std::fabs(addin->planProbability(1000000, 20000, 30, 0.2, 60, 40, none) - 0.53984) <= 0.000005);
    BOOST_TEST(std::fabs(addin->planProbability(1000000, 20000, 30, 0.275, 60, 40, Any(0.15)) - 0.54078) <= 0.000005);
    BOOST_TEST(addin->proactiveLeadsFor(1000000, 20000, 30, 0.2, 60, 0.9, none) == 66.0);
    BOOST_TEST(addin->proactiveLeadsFor(1000000, 20000, 30, 0.275, 60, 0.8, Any(0.15)) == 52.0);
    // An integer cm of 0 is accepted: marketing's leads never convert.
    BOOST_TEST(addin->proactiveLeadsFor(1000000, 20000, 30, 0.2, 60, 0.5, Any(sal_Int32(0)))
               == addin->proactiveLeadsFor(1000000, 20000, 30, 0.2, 0, 0.5, none));
}

BOOST_AUTO_TEST_CASE(invalid_arguments_at_their_positions)
{
    BOOST_TEST(errorPosition([&] { addin->planProbability(-1, 20000, 30, 0.2, 60, 40, none); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->planProbability(1000000, 0, 30, 0.2, 60, 40, none); }) == 1);
    BOOST_TEST(errorPosition([&] { addin->planProbability(1000000, 20000, -1, 0.2, 60, 40, none); }) == 2);
    BOOST_TEST(errorPosition([&] { addin->planProbability(1000000, 20000, 30, 0, 60, 40, none); }) == 3);
    BOOST_TEST(errorPosition([&] { addin->planProbability(1000000, 20000, 30, 0.2, 60.5, 40, none); }) == 4);
    BOOST_TEST(errorPosition([&] { addin->planProbability(1000000, 20000, 30, 0.2, 60, 40.5, none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->planProbability(1000000, 20000, 30, 0.2, 60, 1e7, none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->planProbability(1000000, 20000, 30, 0.2, 60, 40, Any(1.5)); }) == 6);
    BOOST_TEST(errorPosition([&] { addin->planProbability(1000000, 20000, 30, 0.2, 60, 40, Any(OUString("x"))); }) == 6);
    BOOST_TEST(errorPosition([&] { addin->planProbability(1000000, 20000, 30, 0.2, 60, NaN, none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeadsFor(-1, 20000, 30, 0.2, 60, 0.9, none); }) == 0);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeadsFor(1000000, 20000, 30, 0.2, -60, 0.9, none); }) == 4);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeadsFor(1000000, 20000, 30, 0.2, 60, 0.0, none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeadsFor(1000000, 20000, 30, 0.2, 60, 1.0, none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeadsFor(1000000, 20000, 30, 0.2, 60, inf, none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->proactiveLeadsFor(1000000, 20000, 30, 0.2, 60, 0.9, Any(-0.1)); }) == 6);
    // Needing more than 10,000,000 leads: the result itself.
    BOOST_TEST(errorPosition([&] { addin->proactiveLeadsFor(1e11, 20000, 0, 0.2, 0, 0.5, none); }) == -1);
}

BOOST_AUTO_TEST_SUITE_END()
