// PROACTIVESCHEDULE and PROACTIVELEADSLEFT through the UNO methods (issue 11): the weights
// as Calc passes a range or an inline array to an `any` (a block of Anys, empty and text
// cells as strings), cycle and the re-plan's optional arguments, the 12 x 2 result, and
// errors mapped to 0-based argument positions. Expected values are the issue's.
#include <boost/test/unit_test.hpp>

#include "functions.hpp"

#include <functional>
#include <vector>

#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ref.hxx>

using css::uno::Any;
using css::uno::Sequence;
using leadplan::addin::FunctionsImpl;
using leadplan::meta::Language;

namespace {

const Any none;

// A block of cells as Calc passes it to an `any` argument.
Any cells(const std::vector<std::vector<Any>>& rows)
{
    Sequence<Sequence<Any>> block(static_cast<sal_Int32>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Sequence<Any> row(static_cast<sal_Int32>(rows[i].size()));
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            row.getArray()[j] = rows[i][j];
        block.getArray()[i] = row;
    }
    return Any(block);
}

std::vector<Any> months(const std::vector<double>& values)
{
    std::vector<Any> out;
    for (double v : values)
        out.push_back(Any(v));
    return out;
}

Any asRow(const std::vector<Any>& values) { return cells({values}); }

Any asColumn(const std::vector<Any>& values)
{
    std::vector<std::vector<Any>> rows;
    for (const Any& v : values)
        rows.push_back({v});
    return cells(rows);
}

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

struct Fixture {
    rtl::Reference<FunctionsImpl> addin{new FunctionsImpl(Language::english)};

    Sequence<Sequence<double>> schedule(const Any& cycle, const Any& weights, const Any& rounding = none)
    {
        return addin->proactiveSchedule(1000000, 20000, 30, 0.2, 60, none, cycle, weights, rounding);
    }
};

const std::vector<double> seasonal = {1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 2, 2};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(schedule, Fixture)

BOOST_AUTO_TEST_CASE(article_equal_weights_as_12_rows_of_2)
{
    for (const Any& cycle : {none, Any(0.0), Any(5.0), Any(sal_Int32(11))}) {
        const auto rows = schedule(cycle, none);
        BOOST_TEST_REQUIRE(rows.getLength() == 12);
        for (sal_Int32 i = 0; i < 12; ++i) {
            BOOST_TEST_REQUIRE(rows[i].getLength() == 2);
            BOOST_TEST(rows[i][0] == (i % 3 == 2 ? 1.0 : 2.0));
            BOOST_TEST(rows[i][1] == (i % 3 == 0 ? 4.0 : 3.0));
        }
    }
}

// Worked by hand in tests/core/test_schedule.cpp: cycle 2, a slow summer, a busy year end.
BOOST_AUTO_TEST_CASE(weights_as_a_row_or_a_column)
{
    const double orders[] = {2, 2, 1, 2, 2, 1, 0, 0, 2, 2, 3, 3};
    const double leads[] = {4, 3, 3, 4, 0, 0, 3, 3, 7, 7, 3, 3};
    for (const Any& weights : {asRow(months(seasonal)), asColumn(months(seasonal))}) {
        const auto rows = schedule(Any(2.0), weights);
        for (sal_Int32 i = 0; i < 12; ++i) {
            BOOST_TEST(rows[i][0] == orders[i]);
            BOOST_TEST(rows[i][1] == leads[i]);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_invalid_weights_class_is_argument_8)
{
    std::vector<Any> withEmpty = months(seasonal);
    withEmpty[3] = Any(rtl::OUString());  // an empty cell inside a range
    std::vector<Any> withText = months(seasonal);
    withText[3] = Any(rtl::OUString("high"));
    std::vector<Any> withVoid = months(seasonal);
    withVoid[3] = Any();
    std::vector<Any> negative = months(seasonal);
    negative[0] = Any(-1.0);
    const std::vector<double> eleven(11, 1.0);
    const std::vector<double> thirteen(13, 1.0);
    const std::vector<Any> bad[] = {withEmpty, withText, withVoid, negative, months(std::vector<double>(12, 0.0))};
    for (const auto& values : bad) {
        BOOST_TEST(errorPosition([&] { schedule(none, asRow(values)); }) == 7);
        BOOST_TEST(errorPosition([&] { schedule(none, asColumn(values)); }) == 7);
    }
    for (const Any& wrongShape :
         {asRow(months(eleven)), asColumn(months(thirteen)), asRow(months(thirteen)), Any(1.0),
          Any(rtl::OUString("1;1;1")), cells({months({1, 1, 1, 1, 1, 1}), months({1, 1, 1, 1, 1, 1})}),
          cells({months({1, 1}), months({1}), months({1}), months({1}), months({1}), months({1}),
                 months({1}), months({1}), months({1}), months({1}), months({1}), months({1})}),
          cells({})})
        BOOST_TEST(errorPosition([&] { schedule(none, wrongShape); }) == 7);
}

BOOST_AUTO_TEST_CASE(cycle_and_rounding_positions)
{
    for (const Any& cycle : {Any(-1.0), Any(12.0), Any(1.5), Any(rtl::OUString("2")), asRow(months({2}))})
        BOOST_TEST(errorPosition([&] { schedule(cycle, none); }) == 6);
    BOOST_TEST(errorPosition([&] { schedule(none, none, Any(3.0)); }) == 8);
    BOOST_TEST(errorPosition([&] { addin->proactiveSchedule(1000000, 20000, 30, 0.2, 60, Any(2.0), none, none, none); }) == 5);
    BOOST_TEST(errorPosition([&] { addin->proactiveSchedule(1000000, 20000, 30, 0.0, 60, none, none, none, none); }) == 3);
}

BOOST_AUTO_TEST_CASE(exact_mode_spreads_by_weight)
{
    const auto rows = schedule(Any(2.0), asColumn(months(seasonal)), Any(0.0));
    BOOST_TEST(rows[11][0] == 20.0 * 2 / 12, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(rows[6][0] == 0.0);
    BOOST_TEST(rows[8][1] == 40.0 * 2 / 12, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(leads_left)
{
    // The example: after 6 months, 8 orders won, 10 open leads: 20.
    BOOST_TEST(addin->proactiveLeadsLeft(1000000, 20000, 30, 0.2, 60, 6, 8, Any(10.0), none, none) == 20.0);
    BOOST_TEST(addin->proactiveLeadsLeft(1000000, 20000, 30, 0.2, 60, 0, 0, none, none, none) == 40.0);
    // cm 10%: marketing's 60 leads bring 6 orders a year, 3 in the last 6 months; 20 - 8 - 3 = 9.
    BOOST_TEST(addin->proactiveLeadsLeft(1000000, 20000, 30, 0.2, 60, 6, 8, none, Any(0.1), none) == 45.0);
    BOOST_TEST(addin->proactiveLeadsLeft(1000000, 30000, 30, 0.2, 10, 12, 0, none, none, Any(2.0)) == 17.0);
    const auto at = [&](double done, double won, const Any& open, const Any& cm, const Any& r) {
        return errorPosition([&] { addin->proactiveLeadsLeft(1000000, 20000, 30, 0.2, 60, done, won, open, cm, r); });
    };
    BOOST_TEST(at(13, 8, none, none, none) == 5);
    BOOST_TEST(at(2.5, 8, none, none, none) == 5);
    BOOST_TEST(at(6, -1, none, none, none) == 6);
    BOOST_TEST(at(6, 8, Any(-1.0), none, none) == 7);
    BOOST_TEST(at(6, 8, Any(rtl::OUString("x")), none, none) == 7);
    BOOST_TEST(at(6, 8, none, Any(1.5), none) == 8);
    BOOST_TEST(at(6, 8, none, none, Any(3.0)) == 9);
}

BOOST_AUTO_TEST_SUITE_END()
