// Writes docs/functions.md from LeadPlan's function table (addin/functiontable.hpp), the
// same table the add-in hands to Calc's Function Wizard, so the reference cannot drift
// from what Calc shows.
//
//   functions_doc                 print the markdown
//   functions_doc --write FILE    write it to FILE
//   functions_doc --check FILE    exit 1 when FILE differs (the ctest functions_doc_fresh)
//
// The table holds names and descriptions in en and nl; what it does not hold (valid
// ranges, defaults, what each function returns, a worked example from the article) is
// kept here, keyed by function and argument, and the program fails when a function or an
// argument of the table has no entry, so a new function cannot go undocumented.
#include "functiontable.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

namespace {

using leadplan::meta::Argument;
using leadplan::meta::Function;
namespace arg = leadplan::meta::arg;

bool same(const Argument& a, const Argument& b)
{
    return a.name.en == b.name.en && a.description.en == b.description.en;
}

struct ArgumentNotes {
    const Argument* argument;
    std::string_view invalid;   // when it gives Err:502
    std::string_view byDefault; // for optional arguments: the value when left out
};

const ArgumentNotes argumentNotes[] = {
    {&arg::target, "below 0", ""},
    {&arg::orderSize, "0 or below", ""},
    {&arg::existingOrders, "below 0", ""},
    {&arg::conversion, "0 or below, or above 1 (100%)", ""},
    {&arg::marketingLeads, "below 0", ""},
    {&arg::marketingConversion, "below 0 or above 1 (100%)", "the same as Conversion"},
    {&arg::rounding, "anything but 0, 1 or 2", "1"},
    {&arg::ownLeads, "below 0", ""},
    {&arg::availableLeads, "0 or below", ""},
    {&arg::revenue, "a total below 0", ""},
    {&arg::orders, "a total of 0 or below", ""},
    {&arg::won, "a total below 0, or above the total of Leads", ""},
    {&arg::receivedLeads, "a total of 0 or below", ""},
};

struct FunctionNotes {
    std::string_view method;
    std::string_view symbol;   // the article's symbol, or empty
    std::string_view returns;
    std::string_view example;  // a formula with the article's numbers (English names)
    std::string_view result;   // what it shows
    std::string_view more;     // optional further explanation (markdown)
};

// Every example uses the article's numbers: target 1,000,000, average order size 20,000,
// 30 orders from existing customers, conversion 20%, marketing's 5 leads a month = 60.
const FunctionNotes functionNotes[] = {
    {"requiredOrders", "O", "a count of orders",
     "=REQUIREDORDERS(1000000; 20000)", "50", ""},
    {"newCustomerOrders", "N", "a count of orders, never below 0",
     "=NEWCUSTOMERORDERS(1000000; 20000; 30)", "20", ""},
    {"requiredLeads", "L", "a count of leads",
     "=REQUIREDLEADS(1000000; 20000; 30; 20%)", "100",
     "With an order size of 30,000, 10 existing-customer orders and a conversion of 30%, "
     "the rounding modes differ: `=REQUIREDLEADS(1000000; 30000; 10; 30%; 1)` gives 80 "
     "(34 orders, 24 new, 24 / 0.3), mode 2 gives 78 (23.33 / 0.3 = 77.8, rounded up once) "
     "and mode 0 gives 77.777…"},
    {"proactiveLeads", "P", "a count of leads, never below 0",
     "=PROACTIVELEADS(1000000; 20000; 30; 20%; 60)", "40",
     "When marketing's leads convert at 10% instead of your own 20%, "
     "`=PROACTIVELEADS(1000000; 20000; 30; 20%; 60; 10%)` gives 70: marketing's 60 leads "
     "bring 6 orders, so 14 of the 20 new-customer orders need 14 / 0.2 = 70 leads of your "
     "own. To leave Marketing conversion out while giving Rounding, skip it: "
     "`=PROACTIVELEADS(1000000; 20000; 30; 20%; 60; ; 0)`."},
    {"proactiveRevenue", "", "an amount in the target's currency, never below 0, never rounded",
     "=PROACTIVEREVENUE(1000000; 20000; 30; 20%; 60)", "160000",
     "1,000,000 - (30 + 60 × 20%) × 20,000 = 160,000: the revenue your own 40 leads must "
     "bring."},
    {"achievableRevenue", "", "an amount in the order size's currency",
     "=ACHIEVABLEREVENUE(20000; 30; 20%; 60; 40)", "1000000",
     "(30 + 60 × 20% + 40 × 20%) × 20,000 = 1,000,000: with the article's 40 proactive "
     "leads the plan reaches the target. With only 30 of your own leads it reaches 960,000."},
    {"requiredConversion", "", "a ratio (format the cell as a percentage); above 1 means the "
     "leads cannot reach the target",
     "=REQUIREDCONVERSION(1000000; 20000; 30; 100)", "0.2 (20%)",
     "With 80 leads: `=REQUIREDCONVERSION(1000000; 20000; 30; 80)` gives 0.25 (25%)."},
    {"averageOrderSize", "S", "an amount per order",
     "=AVERAGEORDERSIZE(B6:B17; C6:C17)", "20000",
     "With last year's monthly revenue in B6:B17 (960,000 in all) and orders in C6:C17 (48), "
     "as on the example workbook's \"My plan\" sheet. Single numbers work too: "
     "`=AVERAGEORDERSIZE(960000; 48)`."},
    {"conversionRate", "c", "a ratio (format the cell as a percentage)",
     "=CONVERSIONRATE(D6:D17; E6:E17)", "0.2 (20%)",
     "With last year's leads won per month in D6:D17 (20 in all) and leads in E6:E17 (100). "
     "Single numbers work too: `=CONVERSIONRATE(20; 100)`."},
    {"proactivePlan", "", "a block of 8 rows and 2 columns: a label and a value per row",
     "=PROACTIVEPLAN(1000000; 20000; 30; 20%; 60)",
     "the block below (entered as an array formula over 8 rows × 2 columns)",
     "| Label (in the UI language) | Value |\n"
     "|---|---|\n"
     "| Required orders | 50 |\n"
     "| Existing-customer orders | 30 |\n"
     "| New-customer orders | 20 |\n"
     "| Leads needed | 100 |\n"
     "| Marketing leads | 60 |\n"
     "| Proactive leads | 40 |\n"
     "| Proactive revenue | 160000 |\n"
     "| Proactive leads per month | 4 |\n\n"
     "Select 8 rows × 2 columns, type the formula and press **Ctrl+Shift+Enter**. Entered "
     "in a single cell with Enter, Calc shows only the top-left element (the first label). "
     "The labels follow Calc's user-interface language (Dutch in a Dutch Calc); proactive "
     "leads per month is the proactive leads divided by 12, rounded up unless Rounding "
     "is 0."},
};

const FunctionNotes* notesFor(const Function& function)
{
    for (const FunctionNotes& notes : functionNotes)
        if (notes.method == function.method)
            return &notes;
    return nullptr;
}

const ArgumentNotes* notesFor(const Argument& argument)
{
    for (const ArgumentNotes& notes : argumentNotes)
        if (same(*notes.argument, argument))
            return &notes;
    return nullptr;
}

std::string anchor(std::string_view name)
{
    std::string out;
    for (char ch : name)
        out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    return out;
}

// Keeps the table cells on one line (the descriptions contain no '|').
std::string cell(std::string_view text)
{
    std::string out(text);
    for (char& ch : out)
        if (ch == '\n')
            ch = ' ';
    return out;
}

bool hasRounding(const Function& function)
{
    for (const Argument& argument : function.arguments)
        if (same(argument, arg::rounding))
            return true;
    return false;
}

const char* const prose_intro = R"(# LeadPlan functions

<!-- Generated by docs/gen/functions_doc.cpp from addin/functiontable.hpp (the table the
     add-in gives Calc's Function Wizard). Do not edit: change the table or the generator
     and run `cmake --build build --target functions_doc_update`. -->

LeadPlan adds ten functions to LibreOffice Calc, in the category **Financial**
(**Financieel** in a Dutch Calc). They follow the article *Hoeveel proactieve sales moet
jij genereren dit jaar?*: from your revenue target, your average order size, the orders
you expect from existing customers, your lead conversion ratio and the leads marketing
hands over, they work out how many leads you must generate yourself.

The symbols used below:

| Symbol | Meaning | Article's example |
|---|---|---|
| T | revenue target | 1,000,000 |
| S | average order size | 20,000 |
| E | orders from existing customers | 30 |
| c | lead conversion ratio | 20% |
| M | leads handed over by marketing | 60 (5 a month) |
| cm | conversion ratio of marketing's leads (optional, default c) | 20% |
| O = T / S | orders needed | 50 |
| N = max(0, O − E) | orders from new customers | 20 |
| L = N / c | leads needed | 100 |
| P = max(0, N − M × cm) / c | proactive leads: leads you generate yourself | 40 |

Each function's name in a Dutch Calc is given after the English one. In a Dutch Calc you
type the Dutch name (unless *Use English function names* is on); files store every
formula as `ORG.LEADPLAN.CALC.FUNCTIONS.<METHOD>`, so a workbook opens with the right
functions in either language.

)";

const char* const prose_conventions = R"(## Calc conventions that matter here

- **Separators.** The examples separate arguments with `;`, which Calc accepts in every
  language; it shows them with the separator of your settings (`,` in an English Calc).
  Percentages may be typed as `20%` or `0.2` (`0,2` in a Dutch Calc).
- **An empty cell is 0, not "left out".** Calc passes a reference to an empty cell as 0.
  For Marketing conversion that means "marketing's leads never convert", and for
  Rounding it means mode 0. To use the default, leave the argument out, or skip it with
  `;;` when a later argument follows. When the value comes from a cell that may be blank,
  test it: `=IF(ISBLANK(B29); PROACTIVELEADS(B25; B22; B26; B21; B28);
  PROACTIVELEADS(B25; B22; B26; B21; B28; B29))` (in Dutch `ALS`, `ISLEEG`), as the example
  workbooks do.
- **Text** in a required argument shows `#VALUE!` before LeadPlan is called; text in an
  optional argument (Marketing conversion, Rounding) is `Err:502`.
- **Ranges.** AVERAGEORDERSIZE and CONVERSIONRATE take numbers or ranges (for example
  twelve months) and total them; empty cells and text inside a range count as 0. An error
  cell inside such a range shows `Err:504`.
- **Array formula.** PROACTIVEPLAN returns a block: select 8 rows × 2 columns, type the
  formula and press Ctrl+Shift+Enter.

## Rounding modes

Functions that count orders or leads take an optional last argument *Rounding*
(*Afronding*):

| Mode | Meaning |
|---|---|
| 1 (default) | Whole orders and leads at every step, as the article does by hand: O, N, L and P are each rounded up before the next step uses them. |
| 0 | Exact: no rounding anywhere (fractions of orders and leads). |
| 2 | Exact chain, and each reported count rounded up once at the end. |

Rounding up forgives floating-point noise: 2.1 / 0.7 = 3.0000000000000004 counts as 3, not
4. Amounts (PROACTIVEREVENUE, ACHIEVABLEREVENUE) and ratios are never rounded.

## Errors

| Shown | Cause |
|---|---|
| `Err:502` | An argument is out of its valid range (listed per function below), a Rounding mode is not 0, 1 or 2, an optional argument is text, or the result would not be a finite number (for example an astronomically large target). |
| `#VALUE!` | Text in a required argument. |
| `Err:504` | An error cell inside a range given to AVERAGEORDERSIZE or CONVERSIONRATE. |
| `#NAME?` | LeadPlan is not installed (or Calc was not restarted after installing it), or an English name was typed in a Dutch Calc. |

LeadPlan never returns infinity or NaN: a calculation it cannot do is always `Err:502`.

)";

int generate(std::ostream& out)
{
    bool complete = true;
    out << prose_intro;

    out << "## Overview\n\n| Function | Dutch name | Returns |\n|---|---|---|\n";
    for (const Function& function : leadplan::meta::functions) {
        const FunctionNotes* notes = notesFor(function);
        if (!notes) {
            std::cerr << "functions_doc: no notes for " << function.method << '\n';
            complete = false;
            continue;
        }
        out << "| [" << function.displayName.en << "](#" << anchor(function.displayName.en)
            << ") | " << function.displayName.nl << " | " << cell(notes->returns) << " |\n";
    }
    out << '\n' << prose_conventions;

    out << "## The functions\n";
    for (const Function& function : leadplan::meta::functions) {
        const FunctionNotes* notes = notesFor(function);
        if (!notes)
            continue;
        out << "\n### " << function.displayName.en << "\n\n";
        out << "Dutch: **" << function.displayName.nl << "** · category "
            << function.category.en << " (" << function.category.nl << ")";
        if (!notes->symbol.empty())
            out << " · symbol " << notes->symbol;
        out << "\n\n" << function.description.en << "\n\n";

        out << "`" << function.displayName.en << "(";
        bool first = true;
        int optionalOpen = 0;
        for (const Argument& argument : function.arguments) {
            if (argument.optional) {
                out << " [";
                ++optionalOpen;
            }
            out << (first ? "" : "; ") << argument.name.en;
            first = false;
        }
        for (int i = 0; i < optionalOpen; ++i)
            out << ']';
        out << ")`\n\n";

        out << "| # | Argument | Dutch name | Required | Valid | Description |\n"
               "|---|---|---|---|---|---|\n";
        int position = 0;
        for (const Argument& argument : function.arguments) {
            ++position;
            const ArgumentNotes* argNotes = notesFor(argument);
            if (!argNotes) {
                std::cerr << "functions_doc: no notes for argument '" << argument.name.en
                          << "' of " << function.method << '\n';
                complete = false;
                continue;
            }
            if (argument.optional && argNotes->byDefault.empty()) {
                std::cerr << "functions_doc: optional argument '" << argument.name.en
                          << "' needs a default\n";
                complete = false;
            }
            out << "| " << position << " | " << argument.name.en << " | " << argument.name.nl
                << " | "
                << (argument.optional ? "optional, default " + std::string(argNotes->byDefault)
                                      : std::string("yes"))
                << " | Err:502 when " << argNotes->invalid << " | "
                << cell(argument.description.en) << " |\n";
        }
        out << "\n**Returns** " << notes->returns << ".";
        if (hasRounding(function))
            out << " Rounded according to Rounding (see [Rounding modes](#rounding-modes)).";
        out << "\n\n**Example** `" << notes->example << "` gives " << notes->result << ".\n";
        if (!notes->more.empty())
            out << '\n' << notes->more << '\n';
    }
    return complete ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv)
{
    std::ostringstream text;
    const int status = generate(text);
    if (status != 0)
        return status;

    const std::string_view mode = argc >= 3 ? argv[1] : "";
    if (argc == 1) {
        std::cout << text.str();
        return std::cout ? 0 : 1;
    }
    if (argc == 3 && mode == "--write") {
        std::ofstream file(argv[2], std::ios::binary);
        file << text.str();
        return file ? 0 : 1;
    }
    if (argc == 3 && mode == "--check") {
        std::ifstream file(argv[2], std::ios::binary);
        const std::string committed{std::istreambuf_iterator<char>(file),
                                    std::istreambuf_iterator<char>()};
        if (committed == text.str())
            return 0;
        std::cerr << argv[2] << " is out of date: run cmake --build <build> --target "
                                "functions_doc_update and commit it\n";
        return 1;
    }
    std::cerr << "usage: functions_doc [--write FILE | --check FILE]\n";
    return 2;
}
