// LeadPlan's function table: the single source of every name and description Calc shows
// and of the function reference, docs/functions.md.
//
// One row per function of idl/XFunctions.idl, in IDL order: the programmatic (method)
// name, the display names users type (en-US and nl), the descriptions for the Function
// Wizard, the category and every argument's name and description; plus, for the
// reference only (English), what each argument does not accept, each optional argument's
// default, what the function returns and a worked example. The add-in's XAddIn, the docs
// generator (docs/gen/functions_doc.cpp) and the tests read this table, so it stays free
// of UNO and of the core: plain UTF-8 strings, all constexpr. Adding a function means one
// row here, its IDL method, one add-in method body and its core function; the
// static_asserts at the end refuse a row with a text missing.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace leadplan::meta {

enum class Language { english, dutch };

struct Text {
    std::string_view en;  // en-US
    std::string_view nl;  // nl (every nl-* locale)

    constexpr std::string_view in(Language language) const noexcept
    {
        return language == Language::dutch ? nl : en;
    }
};

struct Argument {
    Text name;
    Text description;
    bool optional;  // the IDL type is any; left out means the default
    // For docs/functions.md only (the add-in ignores them): the values that give
    // Err:502, read after "Err:502 when", and an optional argument's value when left out.
    std::string_view invalid;
    std::string_view byDefault = {};
};

// What docs/functions.md says about a function beyond the Function Wizard's texts. The
// add-in ignores it. The example is a formula with English names that the e2e test
// computes in Calc and compares with result ("`example` gives result").
struct Doc {
    std::string_view symbol = {};  // the article's symbol, if it has one
    std::string_view returns;      // read after "Returns"
    std::string_view example;
    std::string_view result;
    std::string_view more = {};    // further markdown after the example
};

struct Function {
    std::string_view method;  // IDL method name; files store SERVICE.METHOD, never change
    Text displayName;         // en-US and Dutch name typed in a cell
    Text description;
    Text category;            // .en is Calc's programmatic category name
    std::span<const Argument> arguments;
    Doc doc;  // for docs/functions.md only
};

// The BCP 47 tag or ISO 639 code of a locale ("nl", "nl-NL", "nl_BE") is Dutch when
// its language is nl; every other language falls back to English.
constexpr Language languageOf(std::string_view tag) noexcept
{
    const bool dutch = tag.size() >= 2 && (tag[0] == 'n' || tag[0] == 'N')
                       && (tag[1] == 'l' || tag[1] == 'L')
                       && (tag.size() == 2 || tag[2] == '-' || tag[2] == '_');
    return dutch ? Language::dutch : Language::english;
}

inline constexpr Text financial{"Financial", "Financieel"};

// Arguments shared by several functions; the descriptions say the unit and the valid
// range, because the Function Wizard is where users look first.
namespace arg {

inline constexpr Argument target{
    {"Target", "Target"},
    {"The revenue target for the period (for example the year), in your currency. "
     "Must be 0 or more.",
     "Het omzettarget voor de periode (bijvoorbeeld het jaar), in uw valuta. "
     "Moet 0 of meer zijn."},
    false,
    "below 0"};

inline constexpr Argument orderSize{
    {"Average order size", "Gemiddelde ordergrootte"},
    {"Your average order size (revenue per order), in the same currency as the target. "
     "Must be greater than 0.",
     "Uw gemiddelde ordergrootte (omzet per order), in dezelfde valuta als het target. "
     "Moet groter dan 0 zijn."},
    false,
    "0 or below"};

inline constexpr Argument existingOrders{
    {"Existing orders", "Orders bestaande klanten"},
    {"The number of orders you expect from existing customers in the period. "
     "Must be 0 or more.",
     "Het aantal orders dat u in de periode van bestaande klanten verwacht. "
     "Moet 0 of meer zijn."},
    false,
    "below 0"};

inline constexpr Argument conversion{
    {"Conversion", "Leadconversieratio"},
    {"Your lead conversion ratio: the share of leads that become orders, as a fraction or "
     "a percentage (20% = 0.2). Greater than 0 and at most 1.",
     "Uw leadconversieratio: het deel van de leads dat een order wordt, als fractie of als "
     "percentage (20% = 0,2). Groter dan 0 en hoogstens 1."},
    false,
    "0 or below, or above 1 (100%)"};

inline constexpr Argument marketingLeads{
    {"Marketing leads", "Marketingleads"},
    {"The number of leads marketing hands over in the period (60 for 5 a month over a "
     "year). Must be 0 or more.",
     "Het aantal leads dat marketing in de periode aandraagt (60 bij 5 per maand over een "
     "jaar). Moet 0 of meer zijn."},
    false,
    "below 0"};

inline constexpr Argument marketingConversion{
    {"Marketing conversion", "Conversie marketingleads"},
    {"Optional. The conversion ratio of marketing's leads, as a fraction or a percentage "
     "(10% = 0.1), from 0 to 1. Left out, it is the same as Conversion. A reference to an "
     "empty cell counts as 0, not as left out.",
     "Optioneel. De conversieratio van de leads van marketing, als fractie of als "
     "percentage (10% = 0,1), van 0 tot 1. Weggelaten is het gelijk aan de "
     "leadconversieratio. Een verwijzing naar een lege cel telt als 0, niet als "
     "weggelaten."},
    true,
    "below 0 or above 1 (100%)",
    "the same as Conversion"};

inline constexpr Argument rounding{
    {"Rounding", "Afronding"},
    {"Optional. 1 (the default) rounds up to whole orders and leads at every step, as the "
     "article does by hand; 0 calculates exactly, without rounding; 2 calculates exactly "
     "and rounds each result up once. A reference to an empty cell counts as 0.",
     "Optioneel. 1 (standaard) rondt bij elke stap naar boven af op hele orders en leads, "
     "zoals het artikel met de hand doet; 0 rekent exact, zonder afronding; 2 rekent exact "
     "en rondt elk resultaat één keer naar boven af. Een verwijzing naar een lege cel telt "
     "als 0."},
    true,
    "anything but 0, 1 or 2",
    "1"};

inline constexpr Argument ownLeads{
    {"Proactive leads", "Proactieve leads"},
    {"The number of leads you generate yourself, beyond marketing's. Must be 0 or more.",
     "Het aantal leads dat u zelf genereert, naast die van marketing. Moet 0 of meer zijn."},
    false,
    "below 0"};

inline constexpr Argument availableLeads{
    {"Leads", "Leads"},
    {"The number of leads you will have, from marketing and your own. Must be greater "
     "than 0.",
     "Het aantal leads dat u zult hebben, van marketing en van uzelf. Moet groter dan 0 "
     "zijn."},
    false,
    "0 or below"};

inline constexpr Argument revenue{
    {"Revenue", "Omzet"},
    {"The revenue you won: a number or a range, for example the revenue of each of the last "
     "12 months. Empty cells and text are skipped. The total must be 0 or more.",
     "De omzet die u hebt behaald: een getal of een bereik, bijvoorbeeld de omzet van elk "
     "van de afgelopen twaalf maanden. Lege cellen en tekst worden overgeslagen. Het totaal "
     "moet 0 of meer zijn."},
    false,
    "a total below 0"};

inline constexpr Argument orders{
    {"Orders", "Orders"},
    {"The number of orders you closed for that revenue: a number or a range. Empty cells "
     "and text are skipped. The total must be greater than 0.",
     "Het aantal orders dat u voor die omzet hebt gesloten: een getal of een bereik. Lege "
     "cellen en tekst worden overgeslagen. Het totaal moet groter dan 0 zijn."},
    false,
    "a total of 0 or below"};

inline constexpr Argument won{
    {"Won", "Gewonnen"},
    {"The number of leads that became orders: a number or a range, for example one cell "
     "per month. Empty cells and text are skipped. The total must be from 0 to the total "
     "of Leads.",
     "Het aantal leads dat een order werd: een getal of een bereik, bijvoorbeeld een cel "
     "per maand. Lege cellen en tekst worden overgeslagen. Het totaal moet tussen 0 en het "
     "totaal van Leads liggen."},
    false,
    "a total below 0, or above the total of Leads"};

inline constexpr Argument receivedLeads{
    {"Leads", "Leads"},
    {"The number of leads you worked on in the same period: a number or a range. Empty "
     "cells and text are skipped. The total must be greater than 0.",
     "Het aantal leads dat u in dezelfde periode hebt bewerkt: een getal of een bereik. "
     "Lege cellen en tekst worden overgeslagen. Het totaal moet groter dan 0 zijn."},
    false,
    "a total of 0 or below"};

inline constexpr Argument activityLeads{
    {"Leads", "Leads"},
    {"The number of leads the activities must bring, for example the result of "
     "PROACTIVELEADS. Must be 0 or more.",
     "Het aantal leads dat de activiteiten moeten opleveren, bijvoorbeeld de uitkomst van "
     "PROACTIEVELEADS. Moet 0 of meer zijn."},
    false,
    "below 0"};

inline constexpr Argument stageRates{
    {"Stage rates", "Conversie per stap"},
    {"The conversion ratio of each stage, in the order the stages happen, from the first "
     "activity to the lead: for calls -> conversations 25%, conversations -> meetings 40% "
     "and meetings -> leads 50%, the rates 25%, 40%, 50%. A single row or column of at most "
     "10 cells; empty cells are skipped; every other cell a number greater than 0 and at "
     "most 1 (100%).",
     "De conversieratio van elke stap, in de volgorde waarin de stappen gebeuren, van de "
     "eerste activiteit tot de lead: bij belletjes -> gesprekken 25%, gesprekken -> "
     "afspraken 40% en afspraken -> leads 50% de ratio's 25%, 40%, 50%. Eén rij of kolom "
     "van hoogstens 10 cellen; lege cellen worden overgeslagen; elke andere cel een getal "
     "groter dan 0 en hoogstens 1 (100%)."},
    false,
    "no cell is filled, the range has more than 10 cells or several rows and columns, a "
    "cell holds text, or a rate is 0 or below or above 1 (100%)"};

inline constexpr Argument activityRounding{
    {"Rounding", "Afronding"},
    {"Optional. 1 (the default) rounds up to whole activities at every stage, before the "
     "next stage uses the count; 0 calculates exactly, without rounding; 2 calculates "
     "exactly and rounds each count up once. A reference to an empty cell counts as 0.",
     "Optioneel. 1 (standaard) rondt bij elke stap naar boven af op hele activiteiten, "
     "voordat de volgende stap het aantal gebruikt; 0 rekent exact, zonder afronding; 2 "
     "rekent exact en rondt elk aantal één keer naar boven af. Een verwijzing naar een lege "
     "cel telt als 0."},
    true,
    "anything but 0, 1 or 2",
    "1"};
// Issue 12: lead counts are whole (a value within 1e-9 * max(1, |x|) of a whole number
// counts as that number) and, together, at most 10,000,000.
inline constexpr Argument wholeMarketingLeads{
    {"Marketing leads", "Marketingleads"},
    {"The number of leads marketing hands over in the period: a whole number, 0 or more "
     "(60 for 5 a month over a year).",
     "Het aantal leads dat marketing in de periode aandraagt: een heel getal, 0 of meer "
     "(60 bij 5 per maand over een jaar)."},
    false,
    "below 0, not a whole number, or above 10,000,000"};

inline constexpr Argument wholeOwnLeads{
    {"Proactive leads", "Proactieve leads"},
    {"The number of leads you generate yourself, beyond marketing's: a whole number, 0 or "
     "more. With the marketing leads at most 10,000,000.",
     "Het aantal leads dat u zelf genereert, naast die van marketing: een heel getal, 0 of "
     "meer. Samen met de marketingleads hoogstens 10.000.000."},
    false,
    "below 0, not a whole number, or more than 10,000,000 together with Marketing leads"};

inline constexpr Argument confidence{
    {"Certainty", "Zekerheid"},
    {"How sure you want to be of reaching the target: the chance, as a fraction or a "
     "percentage (90% = 0.9), greater than 0 and less than 1.",
     "Hoe zeker u wilt zijn dat u het target haalt: de kans, als fractie of als percentage "
     "(90% = 0,9), groter dan 0 en kleiner dan 1."},
    false,
    "0 or below, or 1 (100%) or above"};

inline constexpr Argument planProbability[] = {target,         orderSize,     existingOrders,
                                               conversion,     wholeMarketingLeads,
                                               wholeOwnLeads,  marketingConversion};
inline constexpr Argument proactiveLeadsFor[] = {target,         orderSize,  existingOrders,
                                                 conversion,     wholeMarketingLeads,
                                                 confidence,     marketingConversion};

inline constexpr Argument cycle{
    {"Sales cycle", "Verkoopcyclus"},
    {"Optional. The sales cycle: the whole number of months from a lead to its order, from "
     "0 to 11. Left out, it is 0 (a lead closes in the month it is generated). A reference "
     "to an empty cell counts as 0.",
     "Optioneel. De verkoopcyclus: het hele aantal maanden van een lead tot zijn order, van "
     "0 tot 11. Weggelaten is het 0 (een lead sluit in de maand waarin hij ontstaat). Een "
     "verwijzing naar een lege cel telt als 0."},
    true,
    "anything but a whole number from 0 to 11 (text, a range, 1.5, 12, -1)",
    "0"};

inline constexpr Argument weights{
    {"Weights", "Gewichten"},
    {"Optional. A row or a column of exactly 12 cells, January first: how the year's "
     "new-customer orders spread over the months (seasonality), each a number 0 or more, "
     "not all 0. Only the proportions count: 1 for a normal month, 0.5 for a slow one. "
     "Left out, every month weighs the same. An empty cell is not allowed.",
     "Optioneel. Een rij of een kolom van precies 12 cellen, januari eerst: hoe de orders "
     "van nieuwe klanten zich over de maanden verdelen (seizoenspatroon), elk een getal van "
     "0 of meer, niet alle 0. Alleen de verhoudingen tellen: 1 voor een gewone maand, 0,5 "
     "voor een rustige. Weggelaten weegt elke maand even zwaar. Een lege cel mag niet."},
    true,
    "not a row or column of exactly 12 cells, a cell empty, text or below 0, or all 0",
    "12 equal weights"};

inline constexpr Argument monthsDone{
    {"Months done", "Maanden voorbij"},
    {"The number of months of the year that are over, a whole number from 0 to 12.",
     "Het aantal maanden van het jaar dat voorbij is, een heel getal van 0 tot 12."},
    false,
    "anything but a whole number from 0 to 12"};

inline constexpr Argument newOrdersWon{
    {"New orders won", "Nieuwe orders gewonnen"},
    {"The number of orders from new customers won so far this year. Must be 0 or more.",
     "Het aantal orders van nieuwe klanten dat dit jaar tot nu toe is gewonnen. Moet 0 of "
     "meer zijn."},
    false,
    "below 0"};

inline constexpr Argument openLeads{
    {"Open leads", "Open leads"},
    {"Optional. Leads already generated and still open in your pipeline; they are counted "
     "at your own conversion ratio. Must be 0 or more; left out, 0.",
     "Optioneel. Leads die al zijn gegenereerd en nog openstaan in uw pijplijn; ze tellen "
     "mee tegen uw eigen leadconversieratio. Moet 0 of meer zijn; weggelaten 0."},
    true,
    "below 0, or text",
    "0"};

inline constexpr Argument requiredOrders[] = {target, orderSize, rounding};
inline constexpr Argument newCustomerOrders[] = {target, orderSize, existingOrders, rounding};
inline constexpr Argument requiredLeads[] = {target, orderSize, existingOrders, conversion,
                                             rounding};
inline constexpr Argument proactiveLeads[] = {target,         orderSize,           existingOrders,
                                              conversion,     marketingLeads,      marketingConversion,
                                              rounding};
inline constexpr Argument proactiveRevenue[] = {target,     orderSize,      existingOrders,
                                                conversion, marketingLeads, marketingConversion};
inline constexpr Argument achievableRevenue[] = {orderSize,      existingOrders, conversion,
                                                 marketingLeads, ownLeads,       marketingConversion};
inline constexpr Argument requiredConversion[] = {target, orderSize, existingOrders,
                                                  availableLeads, rounding};
inline constexpr Argument averageOrderSize[] = {revenue, orders};
inline constexpr Argument conversionRate[] = {won, receivedLeads};
inline constexpr Argument proactivePlan[] = {target,         orderSize,           existingOrders,
                                             conversion,     marketingLeads,      marketingConversion,
                                             rounding};
inline constexpr Argument activitiesNeeded[] = {activityLeads, stageRates, activityRounding};
inline constexpr Argument proactiveSchedule[] = {target,     orderSize,      existingOrders,
                                                 conversion, marketingLeads, marketingConversion,
                                                 cycle,      weights,        rounding};
inline constexpr Argument proactiveLeadsLeft[] = {target,         orderSize,  existingOrders,
                                                  conversion,     marketingLeads, monthsDone,
                                                  newOrdersWon,   openLeads,  marketingConversion,
                                                  rounding};

}  // namespace arg

// In the order of idl/XFunctions.idl. Every example uses the article's numbers: target
// 1,000,000, average order size 20,000, 30 orders from existing customers, conversion 20%,
// marketing's 5 leads a month = 60.
inline constexpr Function functions[] = {
    {"requiredOrders",
     {"REQUIREDORDERS", "BENODIGDEORDERS"},
     {"Returns the number of orders needed to reach the revenue target: the target divided "
      "by the average order size.",
      "Geeft het aantal orders dat nodig is om het omzettarget te halen: het target gedeeld "
      "door de gemiddelde ordergrootte."},
     financial,
     arg::requiredOrders,
     {.symbol = "O",
      .returns = "a count of orders",
      .example = "=REQUIREDORDERS(1000000; 20000)",
      .result = "50"}},
    {"newCustomerOrders",
     {"NEWCUSTOMERORDERS", "NIEUWEKLANTORDERS"},
     {"Returns the number of orders that must come from new customers: the required orders "
      "minus the orders from existing customers, never below 0.",
      "Geeft het aantal orders dat van nieuwe klanten moet komen: de benodigde orders min de "
      "orders van bestaande klanten, nooit minder dan 0."},
     financial,
     arg::newCustomerOrders,
     {.symbol = "N",
      .returns = "a count of orders, never below 0",
      .example = "=NEWCUSTOMERORDERS(1000000; 20000; 30)",
      .result = "20"}},
    {"requiredLeads",
     {"REQUIREDLEADS", "BENODIGDELEADS"},
     {"Returns the number of leads needed for the new-customer orders: the new-customer "
      "orders divided by the lead conversion ratio.",
      "Geeft het aantal leads dat nodig is voor de orders van nieuwe klanten: de orders van "
      "nieuwe klanten gedeeld door de leadconversieratio."},
     financial,
     arg::requiredLeads,
     {.symbol = "L",
      .returns = "a count of leads",
      .example = "=REQUIREDLEADS(1000000; 20000; 30; 20%)",
      .result = "100",
      .more = "With an order size of 30,000, 10 existing-customer orders and a conversion of "
              "30%, the rounding modes differ: `=REQUIREDLEADS(1000000; 30000; 10; 30%; 1)` "
              "gives 80 (34 orders, 24 new, 24 / 0.3), mode 2 gives 78 (23.33 / 0.3 = 77.8, "
              "rounded up once) and mode 0 gives 77.777…"}},
    {"proactiveLeads",
     {"PROACTIVELEADS", "PROACTIEVELEADS"},
     {"Returns the number of leads you must generate yourself (proactive leads), beyond the "
      "leads marketing hands over, to reach the revenue target.",
      "Geeft het aantal leads dat u zelf moet genereren (proactieve leads), naast de leads "
      "die marketing aandraagt, om het omzettarget te halen."},
     financial,
     arg::proactiveLeads,
     {.symbol = "P",
      .returns = "a count of leads, never below 0",
      .example = "=PROACTIVELEADS(1000000; 20000; 30; 20%; 60)",
      .result = "40",
      .more = "When marketing's leads convert at 10% instead of your own 20%, "
              "`=PROACTIVELEADS(1000000; 20000; 30; 20%; 60; 10%)` gives 70: marketing's 60 "
              "leads bring 6 orders, so 14 of the 20 new-customer orders need 14 / 0.2 = 70 "
              "leads of your own. To leave Marketing conversion out while giving Rounding, "
              "skip it: `=PROACTIVELEADS(1000000; 20000; 30; 20%; 60; ; 0)`."}},
    {"proactiveRevenue",
     {"PROACTIVEREVENUE", "PROACTIEVEOMZET"},
     {"Returns the revenue that must come from your own (proactive) leads: the target minus "
      "the revenue from existing customers and from marketing's leads, never below 0 and "
      "never rounded.",
      "Geeft de omzet die uit uw eigen (proactieve) leads moet komen: het target min de "
      "omzet van bestaande klanten en van de leads van marketing, nooit minder dan 0 en "
      "nooit afgerond."},
     financial,
     arg::proactiveRevenue,
     {.returns = "an amount in the target's currency, never below 0, never rounded",
      .example = "=PROACTIVEREVENUE(1000000; 20000; 30; 20%; 60)",
      .result = "160000",
      .more = "1,000,000 - (30 + 60 × 20%) × 20,000 = 160,000: the revenue your own 40 leads "
              "must bring."}},
    {"achievableRevenue",
     {"ACHIEVABLEREVENUE", "HAALBAREOMZET"},
     {"Returns the revenue a plan reaches: (existing-customer orders + marketing leads × "
      "their conversion + proactive leads × conversion) × average order size. The inverse "
      "of PROACTIVELEADS, for setting targets.",
      "Geeft de omzet die een plan haalt: (orders van bestaande klanten + marketingleads × "
      "hun conversie + proactieve leads × leadconversieratio) × gemiddelde ordergrootte. "
      "Het omgekeerde van PROACTIEVELEADS, voor het stellen van targets."},
     financial,
     arg::achievableRevenue,
     {.returns = "an amount in the order size's currency",
      .example = "=ACHIEVABLEREVENUE(20000; 30; 20%; 60; 40)",
      .result = "1000000",
      .more = "(30 + 60 × 20% + 40 × 20%) × 20,000 = 1,000,000: with the article's 40 "
              "proactive leads the plan reaches the target. With only 30 of your own leads it "
              "reaches 960,000."}},
    {"requiredConversion",
     {"REQUIREDCONVERSION", "BENODIGDECONVERSIE"},
     {"Returns the lead conversion ratio needed to reach the target with the given leads: "
      "the new-customer orders divided by the leads. Above 1 (100%) means those leads "
      "cannot reach the target.",
      "Geeft de leadconversieratio die nodig is om het target met de gegeven leads te halen: "
      "de orders van nieuwe klanten gedeeld door de leads. Boven 1 (100%) halen die leads "
      "het target niet."},
     financial,
     arg::requiredConversion,
     {.returns = "a ratio (format the cell as a percentage); above 1 means the leads "
                 "cannot reach the target",
      .example = "=REQUIREDCONVERSION(1000000; 20000; 30; 100)",
      .result = "0.2 (20%)",
      .more = "With 80 leads: `=REQUIREDCONVERSION(1000000; 20000; 30; 80)` gives 0.25 "
              "(25%)."}},
    {"averageOrderSize",
     {"AVERAGEORDERSIZE", "GEMIDDELDEORDERGROOTTE"},
     {"Returns the average order size: the total revenue divided by the total number of "
      "orders. Each argument is a number or a range, for example the last 12 months.",
      "Geeft de gemiddelde ordergrootte: de totale omzet gedeeld door het totale aantal "
      "orders. Elk argument is een getal of een bereik, bijvoorbeeld de afgelopen twaalf "
      "maanden."},
     financial,
     arg::averageOrderSize,
     {.symbol = "S",
      .returns = "an amount per order",
      .example = "=AVERAGEORDERSIZE(B6:B17; C6:C17)",
      .result = "20000",
      .more = "With last year's monthly revenue in B6:B17 (960,000 in all) and orders in "
              "C6:C17 (48), as on the example workbook's \"My plan\" sheet. Single numbers "
              "work too: `=AVERAGEORDERSIZE(960000; 48)`."}},
    {"conversionRate",
     {"CONVERSIONRATE", "CONVERSIERATIO"},
     {"Returns the lead conversion ratio as a fraction (0.2 = 20%): the total of leads won "
      "divided by the total of leads. Each argument is a number or a range.",
      "Geeft de leadconversieratio als fractie (0,2 = 20%): het totaal van de gewonnen "
      "leads gedeeld door het totaal van de leads. Elk argument is een getal of een bereik."},
     financial,
     arg::conversionRate,
     {.symbol = "c",
      .returns = "a ratio (format the cell as a percentage)",
      .example = "=CONVERSIONRATE(D6:D17; E6:E17)",
      .result = "0.2 (20%)",
      .more = "With last year's leads won per month in D6:D17 (20 in all) and leads in "
              "E6:E17 (100). Single numbers work too: `=CONVERSIONRATE(20; 100)`."}},
    {"proactivePlan",
     {"PROACTIVEPLAN", "PROACTIEFPLAN"},
     {"Returns the whole plan as 8 rows of label and value: required orders, existing-"
      "customer orders, new-customer orders, leads needed, marketing leads, proactive "
      "leads, proactive revenue and proactive leads per month. Enter it as an array formula "
      "(Ctrl+Shift+Enter) over 8 rows and 2 columns.",
      "Geeft het hele plan als 8 rijen met label en waarde: benodigde orders, orders van "
      "bestaande klanten, orders van nieuwe klanten, benodigde leads, marketingleads, "
      "proactieve leads, proactieve omzet en proactieve leads per maand. Voer het in als "
      "matrixformule (Ctrl+Shift+Enter) over 8 rijen en 2 kolommen."},
     financial,
     arg::proactivePlan,
     {.returns = "a block of 8 rows and 2 columns: a label and a value per row",
      .example = "=PROACTIVEPLAN(1000000; 20000; 30; 20%; 60)",
      .result = "the block below (entered as an array formula over 8 rows × 2 columns)",
      // The labels are planLabels' (the generator checks it).
      .more = "| Label (in the UI language) | Value |\n"
              "|---|---|\n"
              "| Required orders | 50 |\n"
              "| Existing-customer orders | 30 |\n"
              "| New-customer orders | 20 |\n"
              "| Leads needed | 100 |\n"
              "| Marketing leads | 60 |\n"
              "| Proactive leads | 40 |\n"
              "| Proactive revenue | 160000 |\n"
              "| Proactive leads per month | 4 |\n\n"
              "Select 8 rows × 2 columns, type the formula and press **Ctrl+Shift+Enter**. "
              "Entered in a single cell with Enter, Calc shows only the top-left element (the "
              "first label). The labels follow Calc's user-interface language (Dutch in a "
              "Dutch Calc); proactive leads per month is the proactive leads divided by 12, "
              "rounded up unless Rounding is 0."}},
    {"activitiesNeeded",
     {"ACTIVITIESNEEDED", "BENODIGDEACTIVITEITEN"},
     {"Returns the activities needed for a number of leads, working a funnel of stages "
      "backwards: one count per stage rate, the first activity's first (40 leads at 25%, "
      "40% and 50% need 800 calls, 200 conversations and 80 meetings). Enter it as an array "
      "formula (Ctrl+Shift+Enter) over as many rows as there are rates.",
      "Geeft de activiteiten die nodig zijn voor een aantal leads, door een trechter van "
      "stappen terug te rekenen: één aantal per stapconversie, dat van de eerste activiteit "
      "eerst (40 leads bij 25%, 40% en 50% vragen 800 belletjes, 200 gesprekken en 80 "
      "afspraken). Voer het in als matrixformule (Ctrl+Shift+Enter) over evenveel rijen als "
      "er conversies zijn."},
     financial,
     arg::activitiesNeeded,
     {.returns = "a column of counts, one per filled rate, the first activity's count first",
      .example = "=ACTIVITIESNEEDED(40; {0.25;0.4;0.5})",
      .result = "800 in a normal cell (the calls); entered as an array formula over 3 rows, "
                "800, 200 and 80",
      .more = "Meetings turn into leads at 50%, so 40 leads need 40 / 0.5 = 80 meetings; "
              "conversations become meetings at 40%: 80 / 0.4 = 200 conversations; calls "
              "become conversations at 25%: 200 / 0.25 = 800 calls.\n\n"
              "With rates that do not divide evenly, 30%, 45% and 60%, "
              "`=ACTIVITIESNEEDED(40; {0.3;0.45;0.6}; 1)` gives 497 (then 149 and 67: "
              "40 / 0.6 = 66.7 -> 67 meetings, 67 / 0.45 = 148.9 -> 149, 149 / 0.3 = 496.7 -> "
              "497), while `=ACTIVITIESNEEDED(40; {0.3;0.45;0.6}; 2)` gives 494 (then 149 and "
              "67: the exact chain 66.67, 148.15, 493.83, each rounded up once). Leads are "
              "taken as given: `=ACTIVITIESNEEDED(39.5; 0.5)` gives 79.\n\n"
              "Select as many rows as there are rates, type the formula and press "
              "**Ctrl+Shift+Enter**; in a normal cell Calc shows only the first activity's "
              "count, and `INDEX(ACTIVITIESNEEDED(...); 2)` picks another. The rates may be a "
              "row or a column of cells (`{=ACTIVITIESNEEDED(B5; C10:C12)}`); empty cells "
              "between them are skipped, so clearing a rate takes that stage out and the "
              "result has one row fewer (the last row of the array then shows #N/A). Text "
              "in a rate cell, a block of several rows and columns or more than 10 cells is "
              "Err:502. Rounding works as in the other functions (see "
              "[Rounding modes](#rounding-modes)): Rounding 1 gives at least Rounding 2's "
              "counts, except where the ceiling forgives floating-point noise (a count within "
              "1e-9 of its size above a whole number counts as that number, and the next "
              "stage carries on from it), which for counts in the hundreds of millions can "
              "be a whole activity."}},
    {"planProbability",
     {"PLANPROBABILITY", "PLANKANS"},
     {"Returns the chance that the plan reaches the target: that the leads from marketing "
      "and your own proactive leads together bring at least the new-customer orders, when "
      "each lead becomes an order independently with its conversion ratio.",
      "Geeft de kans dat het plan het target haalt: dat de leads van marketing en uw eigen "
      "proactieve leads samen minstens de orders van nieuwe klanten opleveren, als elke lead "
      "onafhankelijk met zijn conversieratio een order wordt."},
     financial,
     arg::planProbability,
     {.returns = "a probability from 0 to 1 (format the cell as a percentage)",
      .example = "=PLANPROBABILITY(1000000; 20000; 30; 20%; 60; 40)",
      .result = "0.53984 (54.0%)",
      .more = "The article's plan reaches its target only about half the time: 100 leads at "
              "20% bring 20 orders on average, and fewer just as often as more. With your own "
              "conversion 27.5% and marketing's 15%, "
              "`=PLANPROBABILITY(1000000; 20000; 30; 27.5%; 60; 40; 15%)` gives 0.54078.\n\n"
              "The model: orders from existing customers are certain; each of marketing's M "
              "leads becomes an order independently with probability cm, each of your P "
              "leads with probability c. The result is the chance that these orders, "
              "X ~ Binomial(M, cm) plus Y ~ Binomial(P, c), reach N = "
              "NEWCUSTOMERORDERS(T; S; E) (rounded up to whole orders, as with Rounding 1). "
              "N = 0 gives 1. Lead counts must be whole numbers (a value within "
              "1e-9 × max(1, |x|) of one, such as 60.00000000000001 from 5 × 12, counts as "
              "it). The result is exact to within 1e-12 for up to 100,000 leads in all and "
              "within 1e-9 up to 10,000,000; more leads than that give Err:502 rather than "
              "an approximation."}},
    {"proactiveLeadsFor",
     {"PROACTIVELEADSFOR", "PROACTIEVELEADSVOOR"},
     {"Returns the number of leads you must generate yourself to reach the target with the "
      "given certainty: the smallest number for which PLANPROBABILITY is at least that "
      "certainty.",
      "Geeft het aantal leads dat u zelf moet genereren om het target met de gegeven "
      "zekerheid te halen: het kleinste aantal waarvoor PLANKANS minstens die zekerheid "
      "is."},
     financial,
     arg::proactiveLeadsFor,
     {.returns = "a whole count of leads, never below 0",
      .example = "=PROACTIVELEADSFOR(1000000; 20000; 30; 20%; 60; 90%)",
      .result = "66",
      .more = "To be 90% sure of the article's target you need 66 leads of your own, not the "
              "40 the averages ask for; for 50%, 80% and 95% certainty 39, 56 and 75. With "
              "your own conversion 27.5% and marketing's 15%: 52 for 80%, 59 for 90%. The "
              "answer P is exact: PLANPROBABILITY with P leads meets the certainty and with "
              "P - 1 it does not. Err:502 when the leads needed would take marketing's and "
              "your own past 10,000,000 in all."}},
    {"proactiveSchedule",
     {"PROACTIVESCHEDULE", "PROACTIEFSCHEMA"},
     {"Returns the plan month by month as 12 rows (the months) and 2 columns: the "
      "new-customer orders that close in the month, and the proactive leads to generate in "
      "it, which close a sales cycle later. Weights spread the orders over the year "
      "(seasonality). Enter it as an array formula (Ctrl+Shift+Enter) over 12 rows and 2 "
      "columns.",
      "Geeft het plan per maand als 12 rijen (de maanden) en 2 kolommen: de orders van "
      "nieuwe klanten die in de maand sluiten, en de proactieve leads om in die maand te "
      "genereren, die een verkoopcyclus later sluiten. Gewichten verdelen de orders over "
      "het jaar (seizoenspatroon). Voer het in als matrixformule (Ctrl+Shift+Enter) over "
      "12 rijen en 2 kolommen."},
     financial,
     arg::proactiveSchedule,
     {.returns = "a block of 12 rows (month 1 to 12 of the plan year) and 2 columns, numbers "
                 "only: new-customer orders that close in the month, proactive leads to "
                 "generate in the month",
      .example = "=PROACTIVESCHEDULE(1000000; 20000; 30; 20%; 60)",
      .result = "the orders 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1 (20 in all) in column 1 and "
                "the leads 4, 3, 3, 4, 3, 3, 4, 3, 3, 4, 3, 3 (40 in all) in column 2 (entered "
                "as an array formula over 12 rows × 2 columns)",
      .more = "**The model.** N and P are the year's new-customer orders and proactive "
              "leads, exactly as NEWCUSTOMERORDERS and PROACTIVELEADS give them with the same "
              "arguments and Rounding. The weights w1 … w12 say how the orders spread over "
              "the months: the orders that close in month i are N × w_i / (w1 + … + w12). A "
              "lead generated in month i closes *Sales cycle* months later, so the leads to "
              "generate in month i follow the weight of the month in which they close: "
              "v_i = w_j with j = ((i − 1 + cycle) mod 12) + 1, and month i's leads are "
              "P × v_i / (v1 + … + v12).\n\n"
              "**Assumptions.** Steady state: next year follows this year's monthly "
              "pattern. The leads you generate in this year's last *cycle* months close in "
              "next year's first months, and this year's first *cycle* months close on leads "
              "generated last year: on 1 January those leads must already be in your "
              "pipeline (the sum of column 2 over the last *cycle* months). Marketing's leads "
              "and their orders are not in the schedule: it shows the orders from new "
              "customers (from all sources) and the leads you generate yourself.\n\n"
              "**Rounding.** With Rounding 0 the months are fractions, as above. With 1 "
              "(default) or 2, every month is whole and the months add up to N and P "
              "exactly: the cumulative plan is rounded up, month i = ceil(N × W_i) − "
              "ceil(N × W_(i−1)) with W_i = (w1 + … + w_i) / (w1 + … + w12), and the same for "
              "P with the v's. By the end of each month you have planned at least that "
              "month's share. So in these modes column 2 is not column 1's pattern shifted: "
              "it is the cumulative rounding of P with the shifted weights.\n\n"
              "With a busy December and a slow summer, `=PROACTIVESCHEDULE(1000000; 20000; "
              "30; 20%; 60; ; 2; {1;1;1;1;1;1;0;0;1;1;2;2})` (a 2-month cycle) gives the "
              "orders 2, 2, 1, 2, 2, 1, 0, 0, 2, 2, 3, 3 and the leads 4, 3, 3, 4, 0, 0, 3, 3, "
              "7, 7, 3, 3: the leads for November's and December's orders are generated in "
              "September and October. The weights may be a row (B2:M2) or a column (B2:B13, or "
              "an inline array as above) of 12 cells; an empty or text cell among them is "
              "Err:502, so a blank month is never silently 0.\n\n"
              "Select 12 rows × 2 columns, type the formula and press **Ctrl+Shift+Enter**. "
              "Entered in a single cell with Enter, Calc shows only the top-left element "
              "(month 1's orders); `INDEX(PROACTIVESCHEDULE(…); 6; 2)` picks one value."}},
    {"proactiveLeadsLeft",
     {"PROACTIVELEADSLEFT", "PROACTIEVELEADSRESTEREND"},
     {"Returns the re-plan: the proactive leads you still have to generate for the rest of "
      "the year, after the months done, the new-customer orders won so far and the leads "
      "still open in your pipeline.",
      "Geeft het nieuwe plan: de proactieve leads die u de rest van het jaar nog moet "
      "genereren, na de voorbije maanden, de tot nu toe gewonnen orders van nieuwe klanten "
      "en de leads die nog openstaan in uw pijplijn."},
     financial,
     arg::proactiveLeadsLeft,
     {.returns = "a count of leads, never below 0",
      .example = "=PROACTIVELEADSLEFT(1000000; 20000; 30; 20%; 60; 6; 8; 10)",
      .result = "20",
      .more = "After 6 months with 8 of the 20 new-customer orders won, 12 orders are left. "
              "Marketing's leads keep arriving evenly, so the other 6 months still bring "
              "60 × 20% × 6/12 = 6 orders; the 10 open leads bring 10 × 20% = 2. That leaves "
              "4 orders, or 4 / 0.2 = 20 proactive leads.\n\n"
              "**The model.** N is the year's new-customer orders: whole as in "
              "NEWCUSTOMERORDERS with Rounding 1, exact (max(0, T/S − E)) with Rounding 0 or 2. "
              "The orders left are R = max(0, N − New orders won). The leads left are "
              "X = max(0, R − M × cm × (12 − Months done)/12 − Open leads × c) / c, rounded up "
              "unless Rounding is 0. At Months done 0 with nothing won and no open leads it "
              "equals PROACTIVELEADS.\n\n"
              "**Assumptions.** Marketing hands over its leads evenly over the year and they "
              "convert within the year; open leads convert at your own ratio c. The function "
              "does not know the sales cycle: a lead generated in the last *cycle* months "
              "closes too late for this year's target, which the example workbook's \"Month "
              "by month\" sheet points out."}},
};

// PROACTIVEPLAN's first column, in the plan's order; the language is the office's UI
// language, not the XAddIn locale.
inline constexpr std::array<Text, 8> planLabels{{
    {"Required orders", "Benodigde orders"},
    {"Existing-customer orders", "Orders bestaande klanten"},
    {"New-customer orders", "Orders nieuwe klanten"},
    {"Leads needed", "Benodigde leads"},
    {"Marketing leads", "Marketingleads"},
    {"Proactive leads", "Proactieve leads"},
    {"Proactive revenue", "Proactieve omzet"},
    {"Proactive leads per month", "Proactieve leads per maand"},
}};

// The en-US name Calc offers for interchange (XCompatibilityNames): the English name.
constexpr std::string_view compatibilityName(const Function& function) noexcept
{
    return function.displayName.en;
}

constexpr const Function* findFunction(std::string_view method) noexcept
{
    for (const Function& function : functions)
        if (function.method == method)
            return &function;
    return nullptr;
}

namespace detail {
constexpr bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? char(ch - 'A' + 'a') : ch; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}
}  // namespace detail

// By display name in either language, ignoring ASCII case, as Calc matches names.
constexpr const Function* findFunctionByDisplayName(std::string_view name) noexcept
{
    for (const Function& function : functions)
        if (detail::equalsIgnoringAsciiCase(function.displayName.en, name)
            || detail::equalsIgnoringAsciiCase(function.displayName.nl, name))
            return &function;
    return nullptr;
}

namespace detail {
constexpr bool complete(const Text& text) noexcept { return !text.en.empty() && !text.nl.empty(); }

constexpr bool tableIsComplete() noexcept
{
    for (const Function& function : functions) {
        if (function.method.empty() || !complete(function.displayName)
            || !complete(function.description) || !complete(function.category))
            return false;
        bool optionalSeen = false;
        for (const Argument& argument : function.arguments) {
            if (!complete(argument.name) || !complete(argument.description))
                return false;
            // Optional (any) arguments come last, as in the IDL.
            if (optionalSeen && !argument.optional)
                return false;
            optionalSeen = optionalSeen || argument.optional;
        }
    }
    for (const Text& label : planLabels)
        if (!complete(label))
            return false;
    return true;
}
}  // namespace detail

static_assert(detail::tableIsComplete(),
              "every function and argument needs names and descriptions in en and nl");

namespace detail {
constexpr bool docIsComplete() noexcept
{
    for (const Function& function : functions) {
        const Doc& doc = function.doc;
        if (doc.returns.empty() || doc.example.empty() || doc.result.empty())
            return false;
        for (const Argument& argument : function.arguments)
            if (argument.invalid.empty() || argument.optional == argument.byDefault.empty())
                return false;
    }
    return true;
}
}  // namespace detail

static_assert(detail::docIsComplete(),
              "docs/functions.md needs every function's returns, example and result, every "
              "argument's invalid values and a default for (only) the optional arguments");

}  // namespace leadplan::meta
