// The UNO component behind LeadPlan's Calc functions (implementation
// org.leadplan.calc.FunctionsImpl of the services org.leadplan.calc.Functions and
// com.sun.star.sheet.AddIn). It converts arguments, calls the core and maps its errors;
// it does no arithmetic. Names and descriptions come from functiontable.hpp.
#pragma once

#include "functiontable.hpp"

#include <leadplan/leadplan.hpp>

#include <array>
#include <string_view>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/LocalizedName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCompatibilityNames.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase5.hxx>
#include <org/leadplan/calc/XFunctions.hpp>
#include <rtl/ustring.hxx>

namespace leadplan::addin {

// The SDK puts these in rtl:: only (the global aliases are LibreOffice-internal).
using rtl::OString;
using rtl::OUString;
using rtl::OUStringToOString;

inline constexpr std::string_view implementationName = "org.leadplan.calc.FunctionsImpl";
inline constexpr std::string_view serviceName = "org.leadplan.calc.Functions";
inline constexpr std::string_view addInServiceName = "com.sun.star.sheet.AddIn";

// The language of the office's user interface, read from its configuration: the XAddIn
// locale is not it (Calc sets it to each language in turn while listing names, then
// computes with the same object). English when the context or the setting is missing.
meta::Language uiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context) noexcept;

// 7.4's SDK has no variadic WeakImplHelper.
using FunctionsBase = cppu::WeakImplHelper5<org::leadplan::calc::XFunctions, css::sheet::XAddIn,
                                            css::sheet::XCompatibilityNames,
                                            css::lang::XServiceName, css::lang::XServiceInfo>;

class FunctionsImpl final : public FunctionsBase {
public:
    // PROACTIVEPLAN's labels in the office's UI language (English without a context).
    explicit FunctionsImpl(const css::uno::Reference<css::uno::XComponentContext>& context);
    // PROACTIVEPLAN's labels in the given language.
    explicit FunctionsImpl(meta::Language labelLanguage);

    // XFunctions
    double SAL_CALL requiredOrders(double target, double orderSize,
                                   const css::uno::Any& rounding) override;
    double SAL_CALL newCustomerOrders(double target, double orderSize, double existingOrders,
                                      const css::uno::Any& rounding) override;
    double SAL_CALL requiredLeads(double target, double orderSize, double existingOrders,
                                  double conversion, const css::uno::Any& rounding) override;
    double SAL_CALL proactiveLeads(double target, double orderSize, double existingOrders,
                                   double conversion, double marketingLeads,
                                   const css::uno::Any& marketingConversion,
                                   const css::uno::Any& rounding) override;
    double SAL_CALL proactiveRevenue(double target, double orderSize, double existingOrders,
                                     double conversion, double marketingLeads,
                                     const css::uno::Any& marketingConversion) override;
    double SAL_CALL achievableRevenue(double orderSize, double existingOrders, double conversion,
                                      double marketingLeads, double ownLeads,
                                      const css::uno::Any& marketingConversion) override;
    double SAL_CALL requiredConversion(double target, double orderSize, double existingOrders,
                                       double leads, const css::uno::Any& rounding) override;
    double SAL_CALL averageOrderSize(const css::uno::Sequence<css::uno::Sequence<double>>& revenue,
                                     const css::uno::Sequence<css::uno::Sequence<double>>& orders) override;
    double SAL_CALL conversionRate(const css::uno::Sequence<css::uno::Sequence<double>>& won,
                                   const css::uno::Sequence<css::uno::Sequence<double>>& leads) override;
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> SAL_CALL
    proactivePlan(double target, double orderSize, double existingOrders, double conversion,
                  double marketingLeads, const css::uno::Any& marketingConversion,
                  const css::uno::Any& rounding) override;
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL
    activitiesNeeded(double leads, const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rates,
                     const css::uno::Any& rounding) override;
    double SAL_CALL planProbability(double target, double orderSize, double existingOrders,
                                    double conversion, double marketingLeads,
                                    double proactiveLeads,
                                    const css::uno::Any& marketingConversion) override;
    double SAL_CALL proactiveLeadsFor(double target, double orderSize, double existingOrders,
                                      double conversion, double marketingLeads, double confidence,
                                      const css::uno::Any& marketingConversion) override;
    css::uno::Sequence<css::uno::Sequence<double>> SAL_CALL
    proactiveSchedule(double target, double orderSize, double existingOrders, double conversion,
                      double marketingLeads, const css::uno::Any& marketingConversion,
                      const css::uno::Any& cycle, const css::uno::Any& weights,
                      const css::uno::Any& rounding) override;
    double SAL_CALL proactiveLeadsLeft(double target, double orderSize, double existingOrders,
                                       double conversion, double marketingLeads, double monthsDone,
                                       double newOrdersWon, const css::uno::Any& openLeads,
                                       const css::uno::Any& marketingConversion,
                                       const css::uno::Any& rounding) override;

    // XAddIn (the misspelt "Funtion" is the interface's own)
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& displayName) override;
    OUString SAL_CALL getDisplayFunctionName(const OUString& programmaticName) override;
    OUString SAL_CALL getFunctionDescription(const OUString& programmaticName) override;
    OUString SAL_CALL getDisplayArgumentName(const OUString& programmaticName,
                                             sal_Int32 argument) override;
    OUString SAL_CALL getArgumentDescription(const OUString& programmaticName,
                                             sal_Int32 argument) override;
    OUString SAL_CALL getProgrammaticCategoryName(const OUString& programmaticName) override;
    OUString SAL_CALL getDisplayCategoryName(const OUString& programmaticName) override;

    // XLocalizable (through XAddIn)
    void SAL_CALL setLocale(const css::lang::Locale& locale) override;
    css::lang::Locale SAL_CALL getLocale() override;

    // XCompatibilityNames
    css::uno::Sequence<css::sheet::LocalizedName> SAL_CALL
    getCompatibilityNames(const OUString& programmaticName) override;

    // XServiceName
    OUString SAL_CALL getServiceName() override;

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& name) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

private:
    // Runs one function: every failure leaves as IllegalArgumentException (Err:502), so no
    // C++ exception ever crosses the UNO bridge.
    template <class Call>
    auto guard(std::string_view method, Call&& call) -> decltype(call());

    css::lang::IllegalArgumentException illegalArgument(std::string_view method,
                                                        const char* message,
                                                        int position) const;
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> planTable(const leadplan::Plan& plan) const;

    css::lang::Locale locale_;
    meta::Language language_ = meta::Language::english;
    // Built once, so PROACTIVEPLAN's valid path copies references instead of converting text.
    std::array<OUString, meta::planLabels.size()> planLabels_;
};

}  // namespace leadplan::addin
