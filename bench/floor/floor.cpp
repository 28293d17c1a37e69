// The benchmark's floor add-in: every method returns its first argument, so a cell that
// calls it costs exactly Calc's own price for an add-in call of that shape. XAddIn is the
// least Calc needs to list the functions (LPFLOOR_<METHOD>, category Add-In).
#include <array>
#include <cstddef>
#include <string_view>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weak.hxx>
#include <org/leadplan/bench/XFloor.hpp>
#include <rtl/ustring.hxx>
#include <sal/types.h>

namespace {

using css::uno::Any;
using rtl::OUString;
using css::uno::Sequence;

constexpr std::array<std::string_view, 14> methods{
    "requiredOrders",   "newCustomerOrders",  "requiredLeads",    "proactiveLeads",
    "proactiveRevenue", "achievableRevenue",  "requiredConversion", "averageOrderSize",
    "conversionRate",   "proactivePlan",      "activitiesNeeded", "proactiveSchedule",
    "proactiveLeadsLeft", "planProbability"};

constexpr std::string_view displayPrefix = "LPFLOOR_";

bool isMethod(const OUString& name)
{
    for (std::string_view method : methods)
        if (name.equalsAsciiL(method.data(), static_cast<sal_Int32>(method.size())))
            return true;
    return false;
}

double first(const Sequence<Sequence<double>>& range)
{
    return range.hasElements() && range[0].hasElements() ? range[0][0] : 0.0;
}

class Floor final
    : public cppu::WeakImplHelper4<org::leadplan::bench::XFloor, css::sheet::XAddIn,
                                   css::lang::XServiceName, css::lang::XServiceInfo> {
public:
    Floor()
    {
        // Built once, like the real add-in's plan labels, so a call only copies handles.
        for (std::size_t i = 0; i < labels_.size(); ++i)
            labels_[i] = "Floor label " + OUString::number(static_cast<sal_Int64>(i + 1));
    }

    // XFloor
    double SAL_CALL requiredOrders(double a, double, const Any&) override { return a; }
    double SAL_CALL newCustomerOrders(double a, double, double, const Any&) override { return a; }
    double SAL_CALL requiredLeads(double a, double, double, double, const Any&) override
    {
        return a;
    }
    double SAL_CALL proactiveLeads(double a, double, double, double, double, const Any&,
                                   const Any&) override
    {
        return a;
    }
    double SAL_CALL proactiveRevenue(double a, double, double, double, double,
                                     const Any&) override
    {
        return a;
    }
    double SAL_CALL achievableRevenue(double a, double, double, double, double,
                                      const Any&) override
    {
        return a;
    }
    double SAL_CALL requiredConversion(double a, double, double, double, const Any&) override
    {
        return a;
    }
    double SAL_CALL averageOrderSize(const Sequence<Sequence<double>>& a,
                                     const Sequence<Sequence<double>>&) override
    {
        return first(a);
    }
    double SAL_CALL conversionRate(const Sequence<Sequence<double>>& a,
                                   const Sequence<Sequence<double>>&) override
    {
        return first(a);
    }
    // The same 8 x 2 (label, value) shape as PROACTIVEPLAN, every value the first argument.
    Sequence<Sequence<Any>> SAL_CALL proactivePlan(double a, double, double, double, double,
                                                   const Any&, const Any&) override
    {
        Sequence<Sequence<Any>> rows(static_cast<sal_Int32>(labels_.size()));
        Sequence<Any>* row = rows.getArray();
        for (std::size_t i = 0; i < labels_.size(); ++i) {
            Sequence<Any> cells(2);
            Any* cell = cells.getArray();
            cell[0] <<= labels_[i];
            cell[1] <<= a;
            row[i] = cells;
        }
        return rows;
    }
    // The same 12 x 2 numbers as PROACTIVESCHEDULE, every value the first argument; the
    // weights arrive boxed as for the real function (Calc's cost), and are not read.
    Sequence<Sequence<double>> SAL_CALL proactiveSchedule(double a, double, double, double,
                                                          double, const Any&, const Any&,
                                                          const Any&, const Any&) override
    {
        Sequence<Sequence<double>> rows(12);
        Sequence<double>* row = rows.getArray();
        for (sal_Int32 i = 0; i < 12; ++i) {
            Sequence<double> cells(2);
            cells.getArray()[0] = a;
            cells.getArray()[1] = a;
            row[i] = cells;
        }
        return rows;
    }
    double SAL_CALL proactiveLeadsLeft(double a, double, double, double, double, double,
                                       double, const Any&, const Any&, const Any&) override
    {
        return a;
    }

    // The same shape as ACTIVITIESNEEDED: a column with one value per cell of the rates,
    // every value the first argument.
    Sequence<Sequence<double>> SAL_CALL activitiesNeeded(double a,
                                                         const Sequence<Sequence<Any>>& rates,
                                                         const Any&) override
    {
        sal_Int32 cells = 0;
        for (const Sequence<Any>& row : rates)
            cells += row.getLength();
        Sequence<Sequence<double>> column(cells);
        for (sal_Int32 i = 0; i < cells; ++i)
            column.getArray()[i] = Sequence<double>(&a, 1);
        return column;
    }

    double SAL_CALL planProbability(double a, double, double, double, double, double,
                                    const Any&) override
    {
        return a;
    }

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& displayName) override
    {
        const OUString prefix = OUString::createFromAscii(displayPrefix.data());
        for (std::string_view method : methods) {
            const OUString name = OUString::createFromAscii(method.data());
            if (displayName.equalsIgnoreAsciiCase(prefix + name))
                return name;
        }
        return OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& programmaticName) override
    {
        if (!isMethod(programmaticName))
            return OUString();
        return OUString::createFromAscii(displayPrefix.data())
               + programmaticName.toAsciiUpperCase();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& programmaticName) override
    {
        return isMethod(programmaticName)
                   ? OUString("Benchmark floor: returns its first argument.")
                   : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& programmaticName,
                                             sal_Int32 argument) override
    {
        return isMethod(programmaticName) ? "arg" + OUString::number(argument + 1) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& programmaticName,
                                             sal_Int32 argument) override
    {
        return getDisplayArgumentName(programmaticName, argument);
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override { return "Add-In"; }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override { return "Add-In"; }

    // XLocalizable (through XAddIn)
    void SAL_CALL setLocale(const css::lang::Locale& locale) override { locale_ = locale; }
    css::lang::Locale SAL_CALL getLocale() override { return locale_; }

    // XServiceName: files store formulas as ORG.LEADPLAN.BENCH.FLOOR.<METHOD>.
    OUString SAL_CALL getServiceName() override { return "org.leadplan.bench.Floor"; }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override { return "org.leadplan.bench.FloorImpl"; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        Sequence<OUString> names(2);
        names.getArray()[0] = "org.leadplan.bench.Floor";
        names.getArray()[1] = "com.sun.star.sheet.AddIn";
        return names;
    }

private:
    css::lang::Locale locale_{"en", "US", ""};
    std::array<OUString, 8> labels_;
};

}  // namespace

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_leadplan_bench_FloorImpl_get_implementation(css::uno::XComponentContext*,
                                                const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new Floor);
}
