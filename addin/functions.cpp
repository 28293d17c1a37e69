#include "functions.hpp"

#include <exception>
#include <optional>
#include <span>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/string.hxx>

namespace leadplan::addin {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;

static_assert(meta::planLabels.size() == static_cast<std::size_t>(leadplan::planSize));

namespace {

OUString toOUString(std::string_view utf8)
{
    return OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

const meta::Function* functionNamed(const OUString& programmaticName)
{
    const OString name = OUStringToOString(programmaticName, RTL_TEXTENCODING_UTF8);
    return meta::findFunction(std::string_view(name.getStr(), static_cast<std::size_t>(name.getLength())));
}

const meta::Argument* argumentOf(const OUString& programmaticName, sal_Int32 index)
{
    const meta::Function* function = functionNamed(programmaticName);
    if (function == nullptr || index < 0
        || static_cast<std::size_t>(index) >= function->arguments.size())
        return nullptr;
    return &function->arguments[static_cast<std::size_t>(index)];
}

// An optional (any) argument: void is "left out", any number its value. Anything else
// (text, a range, a boolean) is the caller's mistake at that 1-based position, reported
// the way the core reports its own.
leadplan::Optional optionalNumber(const Any& value, int position)
{
    if (!value.hasValue())
        return std::nullopt;
    double number = 0.0;
    if (value >>= number)
        return number;
    // >>= leaves out 64-bit integers because they may round; a rounded huge count is
    // still that count.
    sal_Int64 whole = 0;
    sal_uInt64 unsignedWhole = 0;
    if (value.getValueTypeClass() == css::uno::TypeClass_HYPER && (value >>= whole))
        return static_cast<double>(whole);
    if (value.getValueTypeClass() == css::uno::TypeClass_UNSIGNED_HYPER && (value >>= unsignedWhole))
        return static_cast<double>(unsignedWhole);
    throw leadplan::InvalidArgument(position, "must be a number or left out");
}

// ACTIVITIESNEEDED's rates as Calc passes a range to sequence<sequence<any>>: empty cells
// as empty strings (skipped), numbers (and TRUE) as doubles, text as strings (refused).
// The shape is checked here, the rates themselves in the core. Fills buffer and returns
// the filled part.
std::span<const double> filledRates(const Sequence<Sequence<Any>>& range,
                                    std::array<double, leadplan::maxStages>& buffer)
{
    constexpr int position = 2;
    std::size_t cells = 0;
    for (const Sequence<Any>& row : range) {
        if (range.getLength() > 1 && row.getLength() > 1)
            throw leadplan::InvalidArgument(position, "must be a single row or column");
        cells += static_cast<std::size_t>(row.getLength());
    }
    if (cells > buffer.size())
        throw leadplan::InvalidArgument(position, "must be at most 10 cells");
    std::size_t filled = 0;
    for (const Sequence<Any>& row : range) {
        for (const Any& cell : row) {
            OUString text;
            if ((cell >>= text) && text.isEmpty())
                continue;
            if (const leadplan::Optional rate = optionalNumber(cell, position))
                buffer[filled++] = *rate;
        }
    }
    return {buffer.data(), filled};
}

// A row or a column of exactly leadplan::months numbers (a range or an inline array, which
// arrive as a block of Anys); void is "left out". An empty or text cell inside the block
// arrives as a string and is refused, so a blank month is never silently a 0.
std::optional<leadplan::Weights> optionalWeights(const Any& value, int position)
{
    if (!value.hasValue())
        return std::nullopt;
    Sequence<Sequence<Any>> shared;  // shares the Any's data; read through const only,
    const bool isBlock = value >>= shared;  // so nothing is copied
    const Sequence<Sequence<Any>>& block = shared;
    const sal_Int32 rows = block.getLength();
    const bool row = isBlock && rows == 1 && block[0].getLength() == leadplan::months;
    bool column = isBlock && rows == leadplan::months;
    for (sal_Int32 i = 0; column && i < rows; ++i)
        column = block[i].getLength() == 1;
    if (!row && !column)
        throw leadplan::InvalidArgument(position, "must be a row or a column of 12 numbers");
    leadplan::Weights weights{};
    for (sal_Int32 i = 0; i < leadplan::months; ++i) {
        if (!((row ? block[0][i] : block[i][0]) >>= weights[static_cast<std::size_t>(i)]))
            throw leadplan::InvalidArgument(position, "must each be a number (no empty or text cells)");
    }
    return weights;
}

meta::Language languageOfLocale(const css::lang::Locale& locale)
{
    // A locale that ISO codes cannot express carries its BCP 47 tag in Variant.
    const OUString& tag = locale.Language == "qlt" ? locale.Variant : locale.Language;
    const OString ascii = OUStringToOString(tag, RTL_TEXTENCODING_ASCII_US);
    return meta::languageOf(std::string_view(ascii.getStr(), static_cast<std::size_t>(ascii.getLength())));
}

OUString configurationValue(const Reference<css::lang::XMultiServiceFactory>& provider,
                            const OUString& nodePath, const OUString& name)
{
    Sequence<Any> arguments(1);
    arguments.getArray()[0] <<= css::beans::NamedValue("nodepath", Any(nodePath));
    const Reference<css::container::XNameAccess> access(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                              arguments),
        css::uno::UNO_QUERY_THROW);
    OUString value;
    access->getByName(name) >>= value;
    return value;
}

}  // namespace

meta::Language uiLanguage(const Reference<css::uno::XComponentContext>& context) noexcept
{
    if (!context.is())
        return meta::Language::english;
    try {
        const Reference<css::lang::XMultiServiceFactory> provider
            = css::configuration::theDefaultProvider::get(context);
        // ooLocale is the language the office settled on at start-up; UILocale is the
        // user's choice, empty when it follows the system.
        OUString tag = configurationValue(provider, "/org.openoffice.Setup/L10N", "ooLocale");
        if (tag.isEmpty())
            tag = configurationValue(provider, "/org.openoffice.Office.Linguistic/General",
                                     "UILocale");
        const OString ascii = OUStringToOString(tag, RTL_TEXTENCODING_ASCII_US);
        return meta::languageOf(
            std::string_view(ascii.getStr(), static_cast<std::size_t>(ascii.getLength())));
    } catch (...) {
        // Labels are a nicety: a missing configuration must not stop the add-in loading.
        return meta::Language::english;
    }
}

FunctionsImpl::FunctionsImpl(const Reference<css::uno::XComponentContext>& context)
    : FunctionsImpl(uiLanguage(context))
{
}

FunctionsImpl::FunctionsImpl(meta::Language labelLanguage)
    : locale_("en", "US", "")
{
    for (std::size_t i = 0; i < planLabels_.size(); ++i)
        planLabels_[i] = toOUString(meta::planLabels[i].in(labelLanguage));
}

template <class Call>
auto FunctionsImpl::guard(std::string_view method, Call&& call) -> decltype(call())
{
    try {
        return call();
    } catch (const leadplan::InvalidArgument& error) {
        throw illegalArgument(method, error.what(), error.position() - 1);
    } catch (const std::exception& error) {
        throw illegalArgument(method, error.what(), -1);
    } catch (...) {
        throw illegalArgument(method, "unexpected error", -1);
    }
}

css::lang::IllegalArgumentException FunctionsImpl::illegalArgument(std::string_view method,
                                                                    const char* message,
                                                                    int position) const
{
    const meta::Function* function = meta::findFunction(method);
    const std::string_view name = function != nullptr ? function->displayName.en : method;
    return css::lang::IllegalArgumentException(
        toOUString(name) + ": " + OUString::createFromAscii(message),
        static_cast<cppu::OWeakObject*>(const_cast<FunctionsImpl*>(this)),
        static_cast<sal_Int16>(position));
}

Sequence<Sequence<Any>> FunctionsImpl::planTable(const leadplan::Plan& plan) const
{
    Sequence<Sequence<Any>> rows(leadplan::planSize);
    Sequence<Any>* row = rows.getArray();
    for (int i = 0; i < leadplan::planSize; ++i) {
        Sequence<Any> cells(2);
        Any* cell = cells.getArray();
        cell[0] <<= planLabels_[static_cast<std::size_t>(i)];
        cell[1] <<= leadplan::planValue(plan, i);
        row[i] = cells;
    }
    return rows;
}

// XFunctions: positions passed to optionalNumber are the 1-based IDL argument positions.

double FunctionsImpl::requiredOrders(double target, double orderSize, const Any& rounding)
{
    return guard("requiredOrders", [&] {
        return leadplan::requiredOrders(target, orderSize, optionalNumber(rounding, 3));
    });
}

double FunctionsImpl::newCustomerOrders(double target, double orderSize, double existingOrders,
                                        const Any& rounding)
{
    return guard("newCustomerOrders", [&] {
        return leadplan::newCustomerOrders(target, orderSize, existingOrders,
                                           optionalNumber(rounding, 4));
    });
}

double FunctionsImpl::requiredLeads(double target, double orderSize, double existingOrders,
                                    double conversion, const Any& rounding)
{
    return guard("requiredLeads", [&] {
        return leadplan::requiredLeads(target, orderSize, existingOrders, conversion,
                                       optionalNumber(rounding, 5));
    });
}

double FunctionsImpl::proactiveLeads(double target, double orderSize, double existingOrders,
                                     double conversion, double marketingLeads,
                                     const Any& marketingConversion, const Any& rounding)
{
    return guard("proactiveLeads", [&] {
        return leadplan::proactiveLeads(target, orderSize, existingOrders, conversion,
                                        marketingLeads, optionalNumber(marketingConversion, 6),
                                        optionalNumber(rounding, 7));
    });
}

double FunctionsImpl::proactiveRevenue(double target, double orderSize, double existingOrders,
                                       double conversion, double marketingLeads,
                                       const Any& marketingConversion)
{
    return guard("proactiveRevenue", [&] {
        return leadplan::proactiveRevenue(target, orderSize, existingOrders, conversion,
                                          marketingLeads, optionalNumber(marketingConversion, 6));
    });
}

double FunctionsImpl::achievableRevenue(double orderSize, double existingOrders, double conversion,
                                        double marketingLeads, double ownLeads,
                                        const Any& marketingConversion)
{
    return guard("achievableRevenue", [&] {
        return leadplan::achievableRevenue(orderSize, existingOrders, conversion, marketingLeads,
                                           ownLeads, optionalNumber(marketingConversion, 6));
    });
}

double FunctionsImpl::requiredConversion(double target, double orderSize, double existingOrders,
                                         double leads, const Any& rounding)
{
    return guard("requiredConversion", [&] {
        return leadplan::requiredConversion(target, orderSize, existingOrders, leads,
                                            optionalNumber(rounding, 5));
    });
}

double FunctionsImpl::averageOrderSize(const Sequence<Sequence<double>>& revenue,
                                       const Sequence<Sequence<double>>& orders)
{
    return guard("averageOrderSize", [&] { return leadplan::averageOrderSize(revenue, orders); });
}

double FunctionsImpl::conversionRate(const Sequence<Sequence<double>>& won,
                                     const Sequence<Sequence<double>>& leads)
{
    return guard("conversionRate", [&] { return leadplan::conversionRate(won, leads); });
}

Sequence<Sequence<Any>> FunctionsImpl::proactivePlan(double target, double orderSize,
                                                     double existingOrders, double conversion,
                                                     double marketingLeads,
                                                     const Any& marketingConversion,
                                                     const Any& rounding)
{
    return guard("proactivePlan", [&] {
        return planTable(leadplan::proactivePlan(target, orderSize, existingOrders, conversion,
                                                 marketingLeads,
                                                 optionalNumber(marketingConversion, 6),
                                                 optionalNumber(rounding, 7)));
    });
}

Sequence<Sequence<double>> FunctionsImpl::activitiesNeeded(double leads,
                                                           const Sequence<Sequence<Any>>& rates,
                                                           const Any& rounding)
{
    return guard("activitiesNeeded", [&] {
        std::array<double, leadplan::maxStages> buffer;
        const leadplan::Activities activities = leadplan::activitiesNeeded(
            leads, filledRates(rates, buffer), optionalNumber(rounding, 3));
        Sequence<Sequence<double>> column(activities.size);
        for (int i = 0; i < activities.size; ++i)
            column.getArray()[i] = Sequence<double>(&activities.counts[static_cast<std::size_t>(i)], 1);
        return column;
    });
}

double FunctionsImpl::planProbability(double target, double orderSize, double existingOrders,
                                      double conversion, double marketingLeads,
                                      double proactiveLeads, const Any& marketingConversion)
{
    return guard("planProbability", [&] {
        return leadplan::planProbability(target, orderSize, existingOrders, conversion,
                                         marketingLeads, proactiveLeads,
                                         optionalNumber(marketingConversion, 7));
    });
}

double FunctionsImpl::proactiveLeadsFor(double target, double orderSize, double existingOrders,
                                        double conversion, double marketingLeads,
                                        double confidence, const Any& marketingConversion)
{
    return guard("proactiveLeadsFor", [&] {
        return leadplan::proactiveLeadsFor(target, orderSize, existingOrders, conversion,
                                           marketingLeads, confidence,
                                           optionalNumber(marketingConversion, 7));
    });
}

Sequence<Sequence<double>> FunctionsImpl::proactiveSchedule(double target, double orderSize,
                                                            double existingOrders, double conversion,
                                                            double marketingLeads,
                                                            const Any& marketingConversion,
                                                            const Any& cycle, const Any& weights,
                                                            const Any& rounding)
{
    return guard("proactiveSchedule", [&] {
        const leadplan::Schedule schedule = leadplan::proactiveSchedule(
            target, orderSize, existingOrders, conversion, marketingLeads,
            optionalNumber(marketingConversion, 6), optionalNumber(cycle, 7),
            optionalWeights(weights, 8), optionalNumber(rounding, 9));
        Sequence<Sequence<double>> rows(leadplan::months);
        Sequence<double>* row = rows.getArray();
        for (std::size_t i = 0; i < leadplan::months; ++i) {
            Sequence<double> cells(2);
            cells.getArray()[0] = schedule.orders[i];
            cells.getArray()[1] = schedule.leads[i];
            row[i] = cells;
        }
        return rows;
    });
}

double FunctionsImpl::proactiveLeadsLeft(double target, double orderSize, double existingOrders,
                                         double conversion, double marketingLeads,
                                         double monthsDone, double newOrdersWon,
                                         const Any& openLeads, const Any& marketingConversion,
                                         const Any& rounding)
{
    return guard("proactiveLeadsLeft", [&] {
        return leadplan::proactiveLeadsLeft(target, orderSize, existingOrders, conversion,
                                            marketingLeads, monthsDone, newOrdersWon,
                                            optionalNumber(openLeads, 8),
                                            optionalNumber(marketingConversion, 9),
                                            optionalNumber(rounding, 10));
    });
}

// XAddIn: unknown names give an empty string, which Calc treats as "no such entry".

OUString FunctionsImpl::getProgrammaticFuntionName(const OUString& displayName)
{
    const OString name = OUStringToOString(displayName, RTL_TEXTENCODING_UTF8);
    const meta::Function* function = meta::findFunctionByDisplayName(
        std::string_view(name.getStr(), static_cast<std::size_t>(name.getLength())));
    return function != nullptr ? toOUString(function->method) : OUString();
}

OUString FunctionsImpl::getDisplayFunctionName(const OUString& programmaticName)
{
    const meta::Function* function = functionNamed(programmaticName);
    return function != nullptr ? toOUString(function->displayName.in(language_)) : OUString();
}

OUString FunctionsImpl::getFunctionDescription(const OUString& programmaticName)
{
    const meta::Function* function = functionNamed(programmaticName);
    return function != nullptr ? toOUString(function->description.in(language_)) : OUString();
}

OUString FunctionsImpl::getDisplayArgumentName(const OUString& programmaticName,
                                               sal_Int32 argument)
{
    const meta::Argument* found = argumentOf(programmaticName, argument);
    return found != nullptr ? toOUString(found->name.in(language_)) : OUString();
}

OUString FunctionsImpl::getArgumentDescription(const OUString& programmaticName,
                                               sal_Int32 argument)
{
    const meta::Argument* found = argumentOf(programmaticName, argument);
    return found != nullptr ? toOUString(found->description.in(language_)) : OUString();
}

OUString FunctionsImpl::getProgrammaticCategoryName(const OUString& programmaticName)
{
    const meta::Function* function = functionNamed(programmaticName);
    // Calc files an unknown category under Add-In.
    return toOUString(function != nullptr ? function->category.en : meta::financial.en);
}

OUString FunctionsImpl::getDisplayCategoryName(const OUString& programmaticName)
{
    const meta::Function* function = functionNamed(programmaticName);
    return toOUString((function != nullptr ? function->category : meta::financial).in(language_));
}

void FunctionsImpl::setLocale(const css::lang::Locale& locale)
{
    locale_ = locale;
    language_ = languageOfLocale(locale);
}

css::lang::Locale FunctionsImpl::getLocale() { return locale_; }

Sequence<css::sheet::LocalizedName> FunctionsImpl::getCompatibilityNames(const OUString& programmaticName)
{
    const meta::Function* function = functionNamed(programmaticName);
    if (function == nullptr)
        return {};
    Sequence<css::sheet::LocalizedName> names(1);
    names.getArray()[0] = css::sheet::LocalizedName(css::lang::Locale("en", "US", ""),
                                                    toOUString(meta::compatibilityName(*function)));
    return names;
}

OUString FunctionsImpl::getServiceName() { return toOUString(serviceName); }

OUString FunctionsImpl::getImplementationName() { return toOUString(implementationName); }

sal_Bool FunctionsImpl::supportsService(const OUString& name)
{
    return cppu::supportsService(this, name);
}

Sequence<OUString> FunctionsImpl::getSupportedServiceNames()
{
    Sequence<OUString> names(2);
    names.getArray()[0] = toOUString(serviceName);
    names.getArray()[1] = toOUString(addInServiceName);
    return names;
}

}  // namespace leadplan::addin
