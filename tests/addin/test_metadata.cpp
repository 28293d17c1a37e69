// What Calc reads through XAddIn, XCompatibilityNames, XServiceName and XServiceInfo:
// the function table against the IDL (through UNO's own type description of XFunctions)
// and the names the contract fixes, in English and Dutch.
#include <boost/test/unit_test.hpp>

#include "functions.hpp"

#include <set>
#include <string>
#include <vector>

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCompatibilityNames.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <rtl/ref.hxx>
#include <typelib/typedescription.hxx>

using css::uno::Reference;
using leadplan::addin::FunctionsImpl;
using leadplan::meta::Language;
using rtl::OUString;

namespace {

OUString utf8(std::string_view text)
{
    return OUString(text.data(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}

std::string ascii(const OUString& text)
{
    return rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8).getStr();
}

// The contract's names (common context of the project), not the table's.
struct Names {
    const char* method;
    const char* english;
    const char* dutch;
    int arguments;
    int optionalArguments;
};
const Names contract[] = {
    {"requiredOrders", "REQUIREDORDERS", "BENODIGDEORDERS", 3, 1},
    {"newCustomerOrders", "NEWCUSTOMERORDERS", "NIEUWEKLANTORDERS", 4, 1},
    {"requiredLeads", "REQUIREDLEADS", "BENODIGDELEADS", 5, 1},
    {"proactiveLeads", "PROACTIVELEADS", "PROACTIEVELEADS", 7, 2},
    {"proactiveRevenue", "PROACTIVEREVENUE", "PROACTIEVEOMZET", 6, 1},
    {"achievableRevenue", "ACHIEVABLEREVENUE", "HAALBAREOMZET", 6, 1},
    {"requiredConversion", "REQUIREDCONVERSION", "BENODIGDECONVERSIE", 5, 1},
    {"averageOrderSize", "AVERAGEORDERSIZE", "GEMIDDELDEORDERGROOTTE", 2, 0},
    {"conversionRate", "CONVERSIONRATE", "CONVERSIERATIO", 2, 0},
    {"proactivePlan", "PROACTIVEPLAN", "PROACTIEFPLAN", 7, 2},
    {"activitiesNeeded", "ACTIVITIESNEEDED", "BENODIGDEACTIVITEITEN", 3, 1},
    {"planProbability", "PLANPROBABILITY", "PLANKANS", 7, 1},
    {"proactiveLeadsFor", "PROACTIVELEADSFOR", "PROACTIEVELEADSVOOR", 7, 1},
    {"proactiveSchedule", "PROACTIVESCHEDULE", "PROACTIEFSCHEMA", 9, 4},
    {"proactiveLeadsLeft", "PROACTIVELEADSLEFT", "PROACTIEVELEADSRESTEREND", 10, 3},
};

struct Parameter {
    std::string name;
    bool isAny;
};
struct Method {
    std::string name;
    std::vector<Parameter> parameters;
};

// XFunctions' methods as UNO itself describes them (the generated, comprehensive type).
std::vector<Method> idlMethods()
{
    css::uno::TypeDescription interface(cppu::UnoType<org::leadplan::calc::XFunctions>::get());
    interface.makeComplete();
    BOOST_TEST_REQUIRE(interface.is());
    auto* description = reinterpret_cast<typelib_InterfaceTypeDescription*>(interface.get());
    std::vector<Method> methods;
    for (sal_Int32 i = 0; i < description->nMembers; ++i) {
        css::uno::TypeDescription member(description->ppMembers[i]);
        member.makeComplete();
        BOOST_TEST_REQUIRE(member.get()->eTypeClass == typelib_TypeClass_INTERFACE_METHOD);
        auto* method = reinterpret_cast<typelib_InterfaceMethodTypeDescription*>(member.get());
        Method entry{ascii(OUString(method->aBase.pMemberName)), {}};
        for (sal_Int32 p = 0; p < method->nParams; ++p)
            entry.parameters.push_back({ascii(OUString(method->pParams[p].pName)),
                                        method->pParams[p].pTypeRef->eTypeClass == typelib_TypeClass_ANY});
        methods.push_back(entry);
    }
    return methods;
}

struct Fixture {
    rtl::Reference<FunctionsImpl> impl{new FunctionsImpl(Language::english)};
    Reference<css::sheet::XAddIn> addin{static_cast<cppu::OWeakObject*>(impl.get()), css::uno::UNO_QUERY_THROW};
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(metadata, Fixture)

BOOST_AUTO_TEST_CASE(every_idl_method_has_a_table_row_with_matching_arguments)
{
    const auto methods = idlMethods();
    BOOST_TEST(methods.size() == std::size(leadplan::meta::functions));
    BOOST_TEST(methods.size() == std::size(contract));
    for (const Method& method : methods) {
        BOOST_TEST_CONTEXT("method " << method.name)
        {
            const auto* row = leadplan::meta::findFunction(method.name);
            BOOST_TEST_REQUIRE(row != nullptr);
            BOOST_TEST_REQUIRE(row->arguments.size() == method.parameters.size());
            for (std::size_t i = 0; i < method.parameters.size(); ++i)
                BOOST_TEST(row->arguments[i].optional == method.parameters[i].isAny,
                           "argument " << method.parameters[i].name);
        }
    }
    // And no row without a method.
    for (const auto& row : leadplan::meta::functions) {
        bool found = false;
        for (const Method& method : methods)
            found = found || method.name == row.method;
        BOOST_TEST(found, "table row " << row.method << " has no IDL method");
    }
}

BOOST_AUTO_TEST_CASE(the_contract_names_in_english_and_dutch)
{
    for (const Names& names : contract) {
        BOOST_TEST_CONTEXT("method " << names.method)
        {
            const OUString method = OUString::createFromAscii(names.method);
            addin->setLocale(css::lang::Locale("en", "US", ""));
            BOOST_TEST(ascii(addin->getDisplayFunctionName(method)) == names.english);
            addin->setLocale(css::lang::Locale("nl", "NL", ""));
            BOOST_TEST(ascii(addin->getDisplayFunctionName(method)) == names.dutch);
            addin->setLocale(css::lang::Locale("nl", "BE", ""));
            BOOST_TEST(ascii(addin->getDisplayFunctionName(method)) == names.dutch);
            addin->setLocale(css::lang::Locale("de", "DE", ""));
            BOOST_TEST(ascii(addin->getDisplayFunctionName(method)) == names.english);
            addin->setLocale(css::lang::Locale("fr", "", ""));
            BOOST_TEST(ascii(addin->getDisplayFunctionName(method)) == names.english);

            // Display name (either language, any case) back to the method.
            BOOST_TEST(ascii(addin->getProgrammaticFuntionName(OUString::createFromAscii(names.english))) == names.method);
            BOOST_TEST(ascii(addin->getProgrammaticFuntionName(OUString::createFromAscii(names.dutch))) == names.method);
            BOOST_TEST(ascii(addin->getProgrammaticFuntionName(OUString::createFromAscii(names.english).toAsciiLowerCase())) == names.method);
        }
    }
    BOOST_TEST(addin->getProgrammaticFuntionName("SUM").isEmpty());
    BOOST_TEST(addin->getDisplayFunctionName("noSuchMethod").isEmpty());
}

BOOST_AUTO_TEST_CASE(every_argument_has_a_name_and_description_in_both_languages)
{
    for (const Names& names : contract) {
        BOOST_TEST_CONTEXT("method " << names.method)
        {
            const OUString method = OUString::createFromAscii(names.method);
            std::vector<std::string> english, dutch;
            for (const auto& [locale, out] : {std::pair{css::lang::Locale("en", "US", ""), &english},
                                              std::pair{css::lang::Locale("nl", "NL", ""), &dutch}}) {
                addin->setLocale(locale);
                BOOST_TEST(!addin->getFunctionDescription(method).isEmpty());
                std::set<std::string> distinct;
                for (sal_Int32 i = 0; i < names.arguments; ++i) {
                    const std::string name = ascii(addin->getDisplayArgumentName(method, i));
                    BOOST_TEST(!name.empty(), "argument " << i);
                    BOOST_TEST(!addin->getArgumentDescription(method, i).isEmpty(), "argument " << i);
                    distinct.insert(name);
                    out->push_back(ascii(addin->getArgumentDescription(method, i)));
                }
                BOOST_TEST(distinct.size() == static_cast<std::size_t>(names.arguments),
                           "argument names must differ within a function");
                // Past the last argument there is nothing.
                BOOST_TEST(addin->getDisplayArgumentName(method, names.arguments).isEmpty());
                BOOST_TEST(addin->getArgumentDescription(method, -1).isEmpty());
            }
            // The Dutch descriptions are translations, not copies.
            for (std::size_t i = 0; i < english.size(); ++i)
                BOOST_TEST(english[i] != dutch[i], "argument " << i);
        }
    }
}

BOOST_AUTO_TEST_CASE(optional_arguments_say_so_and_come_last)
{
    for (const Names& names : contract) {
        const auto* row = leadplan::meta::findFunction(names.method);
        BOOST_TEST_REQUIRE(row != nullptr);
        int optional = 0;
        for (std::size_t i = 0; i < row->arguments.size(); ++i) {
            const auto& argument = row->arguments[i];
            if (argument.optional) {
                ++optional;
                BOOST_TEST(argument.description.en.starts_with("Optional."));
                BOOST_TEST(argument.description.nl.starts_with("Optioneel."));
            } else {
                BOOST_TEST(optional == 0, names.method << ": a required argument after an optional one");
            }
        }
        BOOST_TEST(optional == names.optionalArguments, names.method);
    }
}

BOOST_AUTO_TEST_CASE(the_descriptions_explain_the_units)
{
    addin->setLocale(css::lang::Locale("en", "US", ""));
    BOOST_TEST(addin->getArgumentDescription("proactiveLeads", 3).indexOf("20% = 0.2") >= 0);
    BOOST_TEST(addin->getArgumentDescription("proactiveLeads", 6).indexOf("1 (the default)") >= 0);
    addin->setLocale(css::lang::Locale("nl", "NL", ""));
    BOOST_TEST(addin->getArgumentDescription("proactiveLeads", 3).indexOf("20% = 0,2") >= 0);
    BOOST_TEST(addin->getArgumentDescription("proactiveLeads", 3).indexOf("leadconversieratio") >= 0);
    BOOST_TEST(addin->getArgumentDescription("proactiveLeads", 6).indexOf(utf8("één keer")) >= 0);
}

BOOST_AUTO_TEST_CASE(the_category_is_financial)
{
    for (const Names& names : contract) {
        const OUString method = OUString::createFromAscii(names.method);
        addin->setLocale(css::lang::Locale("nl", "NL", ""));
        BOOST_TEST((addin->getProgrammaticCategoryName(method) == "Financial"));
        BOOST_TEST((addin->getDisplayCategoryName(method) == "Financieel"));
        addin->setLocale(css::lang::Locale("en", "US", ""));
        BOOST_TEST((addin->getProgrammaticCategoryName(method) == "Financial"));
        BOOST_TEST((addin->getDisplayCategoryName(method) == "Financial"));
    }
}

BOOST_AUTO_TEST_CASE(the_locale_is_kept)
{
    addin->setLocale(css::lang::Locale("nl", "BE", ""));
    const css::lang::Locale locale = addin->getLocale();
    BOOST_TEST((locale.Language == "nl"));
    BOOST_TEST((locale.Country == "BE"));
}

BOOST_AUTO_TEST_CASE(compatibility_names_are_the_english_names)
{
    const Reference<css::sheet::XCompatibilityNames> compatibility(addin, css::uno::UNO_QUERY_THROW);
    addin->setLocale(css::lang::Locale("nl", "NL", ""));
    for (const Names& names : contract) {
        const auto list = compatibility->getCompatibilityNames(OUString::createFromAscii(names.method));
        BOOST_TEST_REQUIRE(list.getLength() == 1);
        BOOST_TEST((list[0].Locale.Language == "en"));
        BOOST_TEST((list[0].Locale.Country == "US"));
        BOOST_TEST(ascii(list[0].Name) == names.english);
    }
    BOOST_TEST(compatibility->getCompatibilityNames("noSuchMethod").getLength() == 0);
}

BOOST_AUTO_TEST_CASE(service_names_are_the_promised_ones)
{
    const Reference<css::lang::XServiceName> serviceName(addin, css::uno::UNO_QUERY_THROW);
    BOOST_TEST((serviceName->getServiceName() == "org.leadplan.calc.Functions"));
    const Reference<css::lang::XServiceInfo> info(addin, css::uno::UNO_QUERY_THROW);
    BOOST_TEST((info->getImplementationName() == "org.leadplan.calc.FunctionsImpl"));
    BOOST_TEST(info->supportsService("org.leadplan.calc.Functions"));
    BOOST_TEST(info->supportsService("com.sun.star.sheet.AddIn"));
    BOOST_TEST(!info->supportsService("com.sun.star.sheet.FunctionAccess"));
    const Reference<org::leadplan::calc::XFunctions> functions(addin, css::uno::UNO_QUERY);
    BOOST_TEST(functions.is());
}

BOOST_AUTO_TEST_CASE(language_of_a_locale_tag)
{
    using leadplan::meta::languageOf;
    for (const char* dutch : {"nl", "nl-NL", "nl-BE", "nl_NL", "NL"})
        BOOST_TEST((languageOf(dutch) == Language::dutch), dutch);
    for (const char* english : {"", "n", "en-US", "de-DE", "fr", "nn-NO"})
        BOOST_TEST((languageOf(english) == Language::english), english);
    // Without a component context there is no configuration to ask.
    BOOST_TEST((leadplan::addin::uiLanguage({}) == Language::english));
}

BOOST_AUTO_TEST_SUITE_END()
