#!/usr/bin/env python3
"""Writes LeadPlan's example workbooks as flat ODF (.fods), in English and in Dutch.

    python3 examples/generate_workbooks.py            # rewrite examples/leadplan-*.fods
    python3 examples/generate_workbooks.py --check    # fail if the committed files differ
    python3 examples/generate_workbooks.py --outdir D # write into D instead

The .fods files are committed (they are what a reviewer diffs); this script is their
source, so change the layout here and regenerate. It needs no LibreOffice: it writes the
XML directly, which keeps the output byte-for-byte reproducible.

Formula cells carry no cached value, so Calc computes every one of them when the file is
opened (with LeadPlan installed). Add-in functions are stored the way Calc stores them,
as SERVICE.METHOD (ORG.LEADPLAN.CALC.FUNCTIONS.PROACTIVELEADS); Calc shows the display
name in the user's language.

Calc passes an empty cell to an optional argument as 0, not as "left out". The
marketing-conversion inputs may be left blank ("same as my own conversion"), so every
formula that uses one tests it with ISBLANK and leaves the argument out when blank.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
SERVICE = "ORG.LEADPLAN.CALC.FUNCTIONS"

# English display name -> IDL method (the stored name is SERVICE.METHOD in upper case).
ADDIN = {
    "REQUIREDORDERS": "requiredOrders",
    "NEWCUSTOMERORDERS": "newCustomerOrders",
    "REQUIREDLEADS": "requiredLeads",
    "PROACTIVELEADS": "proactiveLeads",
    "PROACTIVEREVENUE": "proactiveRevenue",
    "ACHIEVABLEREVENUE": "achievableRevenue",
    "REQUIREDCONVERSION": "requiredConversion",
    "AVERAGEORDERSIZE": "averageOrderSize",
    "CONVERSIONRATE": "conversionRate",
    "PROACTIVEPLAN": "proactivePlan",
    "ACTIVITIESNEEDED": "activitiesNeeded",
    "PROACTIVESCHEDULE": "proactiveSchedule",
    "PROACTIVELEADSLEFT": "proactiveLeadsLeft",
}

# Last year's monthly figures on "My plan": revenue / orders = 960,000 / 48 = 20,000
# and won / leads = 20 / 100 = 20%, the article's order size and conversion.
MONTHS = [  # revenue, orders, leads won, leads
    (54000, 3, 1, 6), (86000, 4, 2, 8), (97500, 5, 2, 9), (63000, 3, 1, 7),
    (104500, 5, 2, 10), (78000, 4, 2, 8), (38000, 2, 1, 6), (61500, 3, 1, 7),
    (102000, 5, 2, 10), (79500, 4, 2, 9), (96000, 5, 2, 10), (100000, 5, 2, 10),
]
assert sum(m[0] for m in MONTHS) == 960000 and sum(m[1] for m in MONTHS) == 48
assert sum(m[2] for m in MONTHS) == 20 and sum(m[3] for m in MONTHS) == 100

# The Team sheet: target, revenue last year, orders last year, leads won last year,
# leads last year, existing-customer orders this year, marketing leads this year.
# The first row is the article's account manager.
TEAM = [
    (1000000, 960000, 48, 20, 100, 30, 60),
    (800000, 750000, 50, 18, 80, 35, 48),
    (1200000, 1100000, 44, 24, 96, 28, 60),
    (600000, 540000, 36, 12, 75, 25, 36),
    (900000, 880000, 40, 21, 70, 22, 60),
    (700000, 620000, 31, 10, 62, 20, 48),
    (1100000, 1050000, 42, 22, 88, 26, 60),
    (500000, 450000, 30, 9, 50, 24, 24),
]

TEXT = {
    "en": dict(
        language="en", country="IE", currency_space=False,
        title="LeadPlan proactive sales plan",
        subject="How many proactive sales do you need this year? The article's five steps, "
                "your team and the talk with marketing",
        plan="My plan", team="Team", marketing="Marketing",
        months=["January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"],
        styles=dict(title="Title", heading="Heading", header="Column header", note="Note",
                    input="Input", result="Result", total="Total",
                    currency="currency", count="count", percent="percent",
                    points="points"),
        p_title="My proactive sales plan",
        p_intro="Yellow cells are your inputs: change them and the plan follows. "
                "Green cells are calculated by LeadPlan's functions.",
        p_last_year="Last year, month by month",
        p_month="Month", p_revenue="Revenue", p_orders="Orders", p_won="Leads won",
        p_leads="Leads",
        p_size="Order size", p_conv="Conversion",
        p_total="Total",
        p_steps12="Steps 1 and 2: your own figures, from the last twelve months",
        p_step1="Step 1. Lead conversion ratio",
        p_step1_note="CONVERSIONRATE: leads won divided by leads",
        p_step2="Step 2. Average order size",
        p_step2_note="AVERAGEORDERSIZE: revenue divided by orders",
        p_this_year="Steps 3 and 4: this year",
        p_name="Account manager",
        p_target="Revenue target this year",
        p_step3="Step 3. Orders from existing customers",
        p_step4="Step 4. Leads from marketing per month",
        p_step4_year="Leads from marketing this year",
        p_step4_year_note="12 months",
        p_cm="Conversion of marketing's leads",
        p_cm_note="Leave blank: the same as your own conversion",
        p_step5="Step 5. Your plan",
        p_orders_needed="Orders needed",
        p_orders_needed_note="REQUIREDORDERS: target divided by order size",
        p_new_orders="Orders from new customers",
        p_new_orders_note="NEWCUSTOMERORDERS: orders needed minus existing customers",
        p_leads_needed="Leads needed",
        p_leads_needed_note="REQUIREDLEADS: new-customer orders divided by conversion",
        p_proactive="Proactive leads: generate these yourself",
        p_proactive_note="PROACTIVELEADS: leads needed beyond marketing's",
        p_revenue_own="Proactive revenue",
        p_revenue_own_note="PROACTIVEREVENUE: revenue your own leads must bring",
        p_block="The whole plan in one formula",
        p_block_note="PROACTIVEPLAN, an array formula over 8 rows and 2 columns "
                     "(enter with Ctrl+Shift+Enter)",
        p_tips="Good to know",
        p_tip_lines=[
            "An empty cell counts as 0 in Calc, not as a left-out argument: the formulas",
            "test the marketing conversion with ISBLANK and leave it out when it is blank.",
            "Err:502 means an input is out of range, for example a conversion of 0 or above 100%.",
            "The Function Wizard (category Financial) describes every function and argument.",
        ],
        t_title="The team's plans",
        t_intro="One row per account manager; yellow cells are inputs. To add someone, insert "
                "a row inside the table (above the last name) and copy a row's formulas into it.",
        t_name="Account manager", t_target="Target", t_rev_ly="Revenue last year",
        t_orders_ly="Orders last year", t_won_ly="Leads won last year",
        t_leads_ly="Leads last year", t_existing="Existing-customer orders",
        t_marketing="Marketing leads", t_cm="Marketing conversion (blank = own)",
        t_size="Average order size", t_conv="Conversion", t_vs="Conversion vs team",
        t_orders="Orders needed", t_new="New-customer orders", t_leads="Leads needed",
        t_proactive="Proactive leads", t_proactive_rev="Proactive revenue",
        t_best="Proactive leads at the best conversion",
        t_from_marketing="Orders from marketing's leads",
        t_own="Orders from own prospecting",
        t_total="Team total", t_best_row="Best conversion in the team",
        t_names=["Anna", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Henry"],
        t_chart="Orders needed per account manager",
        m_title="Lead quality: talk to marketing",
        m_intro="Compare the conversion of marketing's leads with your own prospecting, "
                "and see what better leads are worth.",
        m_last_year="Last year: where the leads came from",
        m_source="Source", m_leads="Leads", m_won="Leads won", m_conv="Conversion",
        m_share="Share of all leads",
        m_from_marketing="Leads from marketing", m_own="Own prospecting",
        m_all="All leads (from My plan)",
        m_diff="Marketing's conversion against your own",
        m_diff_note="percentage points",
        m_this_year="This year, with each source's own conversion",
        m_target="Revenue target", m_size="Average order size",
        m_existing="Orders from existing customers", m_marketing_leads="Leads from marketing",
        m_proactive="Proactive leads needed",
        m_proactive_note="PROACTIVELEADS, marketing's conversion as the last argument",
        m_better="Better marketing conversion",
        m_better_note="percentage points",
        m_proactive_better="Proactive leads needed with the better conversion",
        m_saved="Proactive leads saved",
        m_realistic="A realistic target",
        m_can="Proactive leads you can generate this year",
        m_achievable="Achievable revenue",
        m_achievable_note="ACHIEVABLEREVENUE: the target these leads reach",
        m_achievable_better="Achievable revenue with the better marketing conversion",
        m_needed_conv="Conversion needed with these leads",
        m_needed_conv_note="REQUIREDCONVERSION: new-customer orders / all leads",
        months_sheet="Month by month",
        mm_title="Month by month: the plan through the year, and how you are doing",
        mm_intro="Yellow cells are inputs; the year's figures come from My plan. A blank actual "
                "means \"no figure yet\"; type 0 for a month with none.",
        mm_inputs="The year's rhythm",
        mm_cycle="Sales cycle: months from a lead to its order",
        mm_cycle_note="0 to 11. A lead generated in month i closes in month i + cycle",
        mm_proactive="Proactive leads this year (from My plan)",
        mm_months="The plan and your actuals, month by month",
        mm_month="Month", mm_weight="Weight (season)", mm_plan_orders="Orders to close (plan)",
        mm_plan_leads="Proactive leads to generate (plan)",
        mm_actual_leads="Proactive leads generated (actual)",
        mm_actual_orders="New-customer orders won (actual)",
        mm_cum_plan="Orders, cumulative plan", mm_cum_actual="Orders, cumulative actual",
        mm_status="Status",
        mm_behind="behind", mm_ahead="ahead", mm_on_track="on track",
        mm_weight_note="Weights: 1 is a normal month, 0.5 a slow one, 2 a busy one. "
                      "Plan: PROACTIVESCHEDULE over 12 rows and 2 columns.",
        mm_pipeline="Already in the pipeline on 1 January",
        mm_pipeline_leads="Leads generated last year that close this year",
        mm_pipeline_note="the plan's leads of the last cycle months: next year repeats this year",
        mm_replan="Re-plan: the rest of the year",
        mm_done="Months done (the last month with orders won filled in)",
        mm_won="New-customer orders won so far",
        mm_open="Open leads in your pipeline now",
        mm_left="Proactive leads still to generate",
        mm_left_note="PROACTIVELEADSLEFT",
        mm_window="Months in which a new lead can still close this year",
        mm_window_note="12 - sales cycle - months done",
        mm_per_month="Proactive leads per remaining month",
        mm_too_late="Leads generated now close too late for this year's target.",
        mm_chart="New-customer orders: cumulative plan and actual",
    ),
    "nl": dict(
        language="nl", country="NL", currency_space=True,
        title="LeadPlan proactief salesplan",
        subject="Hoeveel proactieve sales moet jij genereren dit jaar? De vijf stappen van het "
                "artikel, je team en het gesprek met marketing",
        plan="Mijn plan", team="Team", marketing="Marketing",
        months=["januari", "februari", "maart", "april", "mei", "juni", "juli",
                "augustus", "september", "oktober", "november", "december"],
        styles=dict(title="Titel", heading="Kop", header="Kolomkop", note="Toelichting",
                    input="Invoer", result="Resultaat", total="Totaal",
                    currency="valuta", count="aantal", percent="procent",
                    points="procentpunten"),
        p_title="Mijn proactieve salesplan",
        p_intro="Gele cellen zijn jouw invoer: verander ze en het plan rekent mee. "
                "Groene cellen berekenen de functies van LeadPlan.",
        p_last_year="Vorig jaar, per maand",
        p_month="Maand", p_revenue="Omzet", p_orders="Orders", p_won="Gewonnen leads",
        p_leads="Leads",
        p_size="Ordergrootte", p_conv="Conversie",
        p_total="Totaal",
        p_steps12="Stap 1 en 2: jouw eigen cijfers over de afgelopen twaalf maanden",
        p_step1="Stap 1. Leadconversieratio",
        p_step1_note="CONVERSIERATIO: gewonnen leads gedeeld door leads",
        p_step2="Stap 2. Gemiddelde ordergrootte",
        p_step2_note="GEMIDDELDEORDERGROOTTE: omzet gedeeld door orders",
        p_this_year="Stap 3 en 4: dit jaar",
        p_name="Accountmanager",
        p_target="Omzettarget dit jaar",
        p_step3="Stap 3. Orders van bestaande klanten",
        p_step4="Stap 4. Leads van marketing per maand",
        p_step4_year="Leads van marketing dit jaar",
        p_step4_year_note="12 maanden",
        p_cm="Conversie van de leads van marketing",
        p_cm_note="Leeg laten: gelijk aan je eigen conversie",
        p_step5="Stap 5. Jouw plan",
        p_orders_needed="Benodigde orders",
        p_orders_needed_note="BENODIGDEORDERS: target gedeeld door ordergrootte",
        p_new_orders="Orders van nieuwe klanten",
        p_new_orders_note="NIEUWEKLANTORDERS: benodigde orders min bestaande klanten",
        p_leads_needed="Benodigde leads",
        p_leads_needed_note="BENODIGDELEADS: orders van nieuwe klanten gedeeld door conversie",
        p_proactive="Proactieve leads: deze genereer je zelf",
        p_proactive_note="PROACTIEVELEADS: benodigde leads naast die van marketing",
        p_revenue_own="Proactieve omzet",
        p_revenue_own_note="PROACTIEVEOMZET: omzet die je eigen leads moeten opleveren",
        p_block="Het hele plan in één formule",
        p_block_note="PROACTIEFPLAN, een matrixformule over 8 rijen en 2 kolommen "
                     "(invoeren met Ctrl+Shift+Enter)",
        p_tips="Goed om te weten",
        p_tip_lines=[
            "Een lege cel telt in Calc als 0, niet als weggelaten argument: de formules testen",
            "de marketingconversie met ISLEEG en laten het argument weg als de cel leeg is.",
            "Fout:502 betekent dat een invoer buiten het bereik valt, bijvoorbeeld een conversie "
            "van 0 of boven 100%.",
            "De Functie-assistent (categorie Financieel) beschrijft elke functie en elk argument.",
        ],
        t_title="De plannen van het team",
        t_intro="Eén rij per accountmanager; gele cellen zijn invoer. Iemand toevoegen: voeg een "
                "rij in binnen de tabel (boven de laatste naam) en kopieer de formules van een rij.",
        t_name="Accountmanager", t_target="Target", t_rev_ly="Omzet vorig jaar",
        t_orders_ly="Orders vorig jaar", t_won_ly="Gewonnen leads vorig jaar",
        t_leads_ly="Leads vorig jaar", t_existing="Orders bestaande klanten",
        t_marketing="Leads van marketing", t_cm="Conversie leads van marketing (leeg = eigen)",
        t_size="Gemiddelde ordergrootte", t_conv="Conversie", t_vs="Conversie t.o.v. team",
        t_orders="Benodigde orders", t_new="Orders nieuwe klanten", t_leads="Benodigde leads",
        t_proactive="Proactieve leads", t_proactive_rev="Proactieve omzet",
        t_best="Proactieve leads bij de beste conversie",
        t_from_marketing="Orders uit leads van marketing",
        t_own="Orders uit eigen prospectie",
        t_total="Totaal team", t_best_row="Beste conversie in het team",
        t_names=["Anouk", "Bram", "Charlotte", "Daan", "Eva", "Floris", "Gijs", "Hanna"],
        t_chart="Benodigde orders per accountmanager",
        m_title="Kwaliteit van leads: om tafel met marketing",
        m_intro="Vergelijk de conversie van de leads van marketing met je eigen prospectie, "
                "en zie wat betere leads waard zijn.",
        m_last_year="Vorig jaar: waar de leads vandaan kwamen",
        m_source="Bron", m_leads="Leads", m_won="Gewonnen leads", m_conv="Conversie",
        m_share="Aandeel in alle leads",
        m_from_marketing="Leads van marketing", m_own="Eigen prospectie",
        m_all="Alle leads (uit Mijn plan)",
        m_diff="Conversie van marketing ten opzichte van je eigen",
        m_diff_note="procentpunten",
        m_this_year="Dit jaar, met de eigen conversie van elke bron",
        m_target="Omzettarget", m_size="Gemiddelde ordergrootte",
        m_existing="Orders van bestaande klanten", m_marketing_leads="Leads van marketing",
        m_proactive="Benodigde proactieve leads",
        m_proactive_note="PROACTIEVELEADS, conversie van marketing als laatste argument",
        m_better="Betere conversie van marketing",
        m_better_note="procentpunten",
        m_proactive_better="Benodigde proactieve leads bij de betere conversie",
        m_saved="Bespaarde proactieve leads",
        m_realistic="Een haalbaar target",
        m_can="Proactieve leads die je dit jaar kunt genereren",
        m_achievable="Haalbare omzet",
        m_achievable_note="HAALBAREOMZET: het target dat deze leads halen",
        m_achievable_better="Haalbare omzet bij de betere conversie van marketing",
        m_needed_conv="Benodigde conversie met deze leads",
        m_needed_conv_note="BENODIGDECONVERSIE: orders nieuwe klanten / alle leads",
        months_sheet="Per maand",
        mm_title="Per maand: het plan door het jaar heen, en hoe je ervoor staat",
        mm_intro="Gele cellen zijn invoer; de cijfers van het jaar komen uit Mijn plan. Een lege "
                "werkelijke waarde betekent \"nog geen cijfer\"; typ 0 voor een maand zonder.",
        mm_inputs="Het ritme van het jaar",
        mm_cycle="Verkoopcyclus: maanden van lead tot order",
        mm_cycle_note="0 tot 11. Een lead uit maand i sluit in maand i + cyclus",
        mm_proactive="Proactieve leads dit jaar (uit Mijn plan)",
        mm_months="Het plan en je werkelijke cijfers, per maand",
        mm_month="Maand", mm_weight="Gewicht (seizoen)", mm_plan_orders="Te sluiten orders (plan)",
        mm_plan_leads="Te genereren proactieve leads (plan)",
        mm_actual_leads="Gegenereerde proactieve leads (werkelijk)",
        mm_actual_orders="Gewonnen orders nieuwe klanten (werkelijk)",
        mm_cum_plan="Orders, cumulatief plan", mm_cum_actual="Orders, cumulatief werkelijk",
        mm_status="Status",
        mm_behind="achter", mm_ahead="voor", mm_on_track="op schema",
        mm_weight_note="Gewichten: 1 is een gewone maand, 0,5 een rustige, 2 een drukke. "
                      "Plan: PROACTIEFSCHEMA over 12 rijen en 2 kolommen.",
        mm_pipeline="Op 1 januari al in de pijplijn",
        mm_pipeline_leads="Leads van vorig jaar die dit jaar sluiten",
        mm_pipeline_note="de leads van het plan in de laatste cyclusmaanden: volgend jaar herhaalt dit jaar",
        mm_replan="Nieuw plan: de rest van het jaar",
        mm_done="Voorbije maanden (de laatste maand met ingevulde gewonnen orders)",
        mm_won="Tot nu toe gewonnen orders van nieuwe klanten",
        mm_open="Open leads nu in je pijplijn",
        mm_left="Nog te genereren proactieve leads",
        mm_left_note="PROACTIEVELEADSRESTEREND",
        mm_window="Maanden waarin een nieuwe lead dit jaar nog kan sluiten",
        mm_window_note="12 - verkoopcyclus - voorbije maanden",
        mm_per_month="Proactieve leads per resterende maand",
        mm_too_late="Leads die je nu genereert, sluiten te laat voor het target van dit jaar.",
        mm_chart="Orders van nieuwe klanten: cumulatief plan en werkelijk",
    ),
}


# ---- formulas -----------------------------------------------------------------------------
_REF = re.compile(
    r"(?<![A-Za-z0-9_.$'\]])"
    r"(?:'(?P<sheet>[^']+)'!)?"
    r"(?P<a>\$?[A-Z]{1,3}\$?[0-9]+)(?::(?P<b>\$?[A-Z]{1,3}\$?[0-9]+))?"
    r"(?![A-Za-z0-9_(])")


def odf_formula(formula: str) -> str:
    """'=F(A1;B2:C3;'Other'!D4)' in Calc's UI syntax -> the OpenFormula stored in ODF."""
    assert formula.startswith("=")
    parts = re.split(r'("[^"]*")', formula[1:])  # leave string literals alone
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            for name, method in ADDIN.items():
                part = re.sub(rf"\b{name}\(", f"{SERVICE}.{method.upper()}(", part)

            def ref(m: re.Match) -> str:
                sheet = m.group("sheet")
                prefix = f"$'{sheet}'." if sheet else "."
                return f"[{prefix}{m.group('a')}" + (f":.{m.group('b')}]" if m.group("b") else "]")

            part = _REF.sub(ref, part)
        out.append(part)
    return "of:=" + "".join(out)


# ---- a tiny sheet model -------------------------------------------------------------------
def col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def split_address(address: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", address)
    assert m, address
    return int(m.group(2)) - 1, col_index(m.group(1))


@dataclass
class Cell:
    kind: str            # text, number, formula, empty
    value: object = None
    style: str = ""
    matrix: tuple[int, int] | None = None  # (rows, columns) of an array formula
    frame: str = ""      # a draw:frame anchored to this cell


@dataclass
class Sheet:
    name: str
    widths: list[float]                      # column widths in cm, from column A
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    # Workbook-level named ranges on this sheet, LP_ name -> "B25" or "A6:E17": the stable
    # interface other tools read (docs/names.md); a promise: never renamed, only added.
    names: dict[str, str] = field(default_factory=dict)

    def define(self, name: str, address: str) -> None:
        assert re.fullmatch(r"LP_[A-Z]+(_[A-Z]+)*", name) and name not in self.names, name
        self.names[name] = address

    def text(self, address: str, value: str, style: str = "") -> None:
        self.cells[split_address(address)] = Cell("text", value, style)

    def number(self, address: str, value: float, style: str) -> None:
        self.cells[split_address(address)] = Cell("number", value, style)

    def formula(self, address: str, value: str, style: str) -> None:
        self.cells[split_address(address)] = Cell("formula", value, style)

    def empty(self, address: str, style: str) -> None:
        self.cells[split_address(address)] = Cell("empty", None, style)

    def array(self, first: str, rows: int, cols: int, value: str, styles: list[list[str]]) -> None:
        r0, c0 = split_address(first)
        for r in range(rows):
            for c in range(cols):
                self.cells[(r0 + r, c0 + c)] = Cell("empty", None, styles[r][c])
        self.cells[(r0, c0)] = Cell("formula", value, styles[0][0], matrix=(rows, cols))


# ---- styles -------------------------------------------------------------------------------
# Inputs and results differ by named cell style (users can restyle them all at once);
# each has a currency, count and percentage variant.
INPUT_BG, RESULT_BG, HEADER_BG = "#fff2cc", "#e2efda", "#d9e2f3"


def number_styles(t: dict) -> str:
    lang = f'number:language="{t["language"]}" number:country="{t["country"]}"'
    number = '<number:number number:decimal-places="0" number:min-decimal-places="0" ' \
             'number:min-integer-digits="1" number:grouping="true"/>'
    pct = '<number:number number:decimal-places="1" number:min-decimal-places="1" ' \
          'number:min-integer-digits="1"/>'
    space = "<number:text> </number:text>" if t["currency_space"] else ""
    return f"""
  <number:number-style style:name="N_count" {lang}>{number}</number:number-style>
  <number:currency-style style:name="N_currency" {lang}><number:currency-symbol {lang}>€</number:currency-symbol>{space}{number}</number:currency-style>
  <number:percentage-style style:name="N_percent" {lang}>{pct}<number:text>%</number:text></number:percentage-style>
  <number:percentage-style style:name="N_points_plus" style:volatile="true" {lang}><number:text>+</number:text>{pct}<number:text>%</number:text></number:percentage-style>
  <number:percentage-style style:name="N_points_minus" style:volatile="true" {lang}><number:text>-</number:text>{pct}<number:text>%</number:text></number:percentage-style>
  <number:percentage-style style:name="N_points" {lang}>{pct}<number:text>%</number:text><style:map style:condition="value()&gt;0" style:apply-style-name="N_points_plus"/><style:map style:condition="value()&lt;0" style:apply-style-name="N_points_minus"/></number:percentage-style>
  <number:number-style style:name="N_decimal" {lang}><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1" number:grouping="true"/></number:number-style>"""


# name -> (parent, display-name key(s), data style, cell properties, text properties)
def cell_styles(t: dict) -> list[tuple[str, str, str, str, str, str]]:
    s = t["styles"]
    border = 'fo:border="0.06pt solid #a6a6a6"'
    out = [
        ("LP_Title", "Default", s["title"], "", "",
         'fo:font-size="16pt" fo:font-weight="bold" style:font-size-asian="16pt" '
         'style:font-weight-asian="bold" style:font-size-complex="16pt" style:font-weight-complex="bold"'),
        ("LP_Heading", "Default", s["heading"], "", "",
         'fo:font-size="12pt" fo:font-weight="bold" style:font-size-asian="12pt" '
         'style:font-weight-asian="bold" style:font-size-complex="12pt" style:font-weight-complex="bold" '
         'fo:color="#1f3864"'),
        ("LP_Header", "Default", s["header"], "",
         f'fo:background-color="{HEADER_BG}" fo:wrap-option="wrap" style:vertical-align="middle" {border}',
         'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'),
        ("LP_Note", "Default", s["note"], "", 'fo:padding-left="0.2cm"',
         'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic" '
         'fo:color="#595959"'),
        ("LP_Input", "Default", s["input"], "",
         f'fo:background-color="{INPUT_BG}" {border} style:cell-protect="none"',
         'fo:color="#1f3864"'),
        ("LP_Result", "Default", s["result"], "",
         f'fo:background-color="{RESULT_BG}" {border}', ""),
        ("LP_Total", "LP_Result", s["total"], "",
         'fo:border-top="1.5pt solid #375623" fo:border-bottom="0.06pt solid #a6a6a6" '
         'fo:border-left="0.06pt solid #a6a6a6" fo:border-right="0.06pt solid #a6a6a6"',
         'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'),
    ]
    for base in ("LP_Input", "LP_Result", "LP_Total"):
        base_name = s[{"LP_Input": "input", "LP_Result": "result", "LP_Total": "total"}[base]]
        for kind in ("currency", "count", "percent", "points", "decimal"):
            if kind == "points" and base != "LP_Result":
                continue
            out.append((f"{base}_{kind}", base, f"{base_name} {s[kind]}", f"N_{kind}", "", ""))
    return out


def styles_xml(t: dict) -> str:
    parts = ['  <style:default-style style:family="table-cell"><style:paragraph-properties '
             'style:tab-stop-distance="1.25cm"/><style:text-properties style:font-name="Liberation Sans" '
             f'fo:language="{t["language"]}" fo:country="{t["country"]}"/></style:default-style>',
             '  <style:style style:name="Default" style:family="table-cell"/>']
    for name, parent, display, data, cellprops, textprops in cell_styles(t):
        attrs = f'style:name="{name}" style:display-name={quoteattr("LeadPlan " + display)} ' \
                f'style:family="table-cell" style:parent-style-name="{parent}"'
        if data:
            attrs += f' style:data-style-name="{data}"'
        inner = ""
        if cellprops:
            inner += f"<style:table-cell-properties {cellprops}/>"
        if textprops:
            inner += f"<style:text-properties {textprops}/>"
        parts.append(f"  <style:style {attrs}>{inner}</style:style>" if inner
                     else f"  <style:style {attrs}/>")
    return number_styles(t) + "\n" + "\n".join(parts)


# ---- the three sheets ---------------------------------------------------------------------
def my_plan(t: dict) -> Sheet:
    sh = Sheet(t["plan"], [8.2, 3.2, 2.2, 2.6, 2.2, 3.0, 2.8])
    sh.text("A1", t["p_title"], "LP_Title")
    sh.text("A2", t["p_intro"], "LP_Note")
    sh.text("A3", t["p_name"])
    sh.empty("B3", "LP_Input")

    sh.text("A4", t["p_last_year"], "LP_Heading")
    # Each month's order size and conversion, with the same functions over one cell.
    for col, key in zip("ABCDEFG", ("p_month", "p_revenue", "p_orders", "p_won", "p_leads",
                                    "p_size", "p_conv")):
        sh.text(f"{col}5", t[key], "LP_Header")
    for i, (month, (rev, orders, won, leads)) in enumerate(zip(t["months"], MONTHS)):
        row = 6 + i
        sh.text(f"A{row}", month)
        sh.number(f"B{row}", rev, "LP_Input_currency")
        sh.number(f"C{row}", orders, "LP_Input_count")
        sh.number(f"D{row}", won, "LP_Input_count")
        sh.number(f"E{row}", leads, "LP_Input_count")
        sh.formula(f"F{row}", f"=AVERAGEORDERSIZE(B{row};C{row})", "LP_Result_currency")
        sh.formula(f"G{row}", f"=CONVERSIONRATE(D{row};E{row})", "LP_Result_percent")
    sh.text("A18", t["p_total"], "LP_Total")
    sh.formula("B18", "=SUM(B6:B17)", "LP_Total_currency")
    for col in "CDE":
        sh.formula(f"{col}18", f"=SUM({col}6:{col}17)", "LP_Total_count")
    sh.formula("F18", "=AVERAGEORDERSIZE(B18;C18)", "LP_Total_currency")
    sh.formula("G18", "=CONVERSIONRATE(D18;E18)", "LP_Total_percent")

    sh.text("A20", t["p_steps12"], "LP_Heading")
    sh.text("A21", t["p_step1"])
    sh.formula("B21", "=CONVERSIONRATE(D6:D17;E6:E17)", "LP_Result_percent")
    sh.text("C21", t["p_step1_note"], "LP_Note")
    sh.text("A22", t["p_step2"])
    sh.formula("B22", "=AVERAGEORDERSIZE(B6:B17;C6:C17)", "LP_Result_currency")
    sh.text("C22", t["p_step2_note"], "LP_Note")

    sh.text("A24", t["p_this_year"], "LP_Heading")
    sh.text("A25", t["p_target"])
    sh.number("B25", 1000000, "LP_Input_currency")
    sh.text("A26", t["p_step3"])
    sh.number("B26", 30, "LP_Input_count")
    sh.text("A27", t["p_step4"])
    sh.number("B27", 5, "LP_Input_count")
    sh.text("A28", t["p_step4_year"])
    sh.formula("B28", "=B27*12", "LP_Result_count")
    sh.text("C28", t["p_step4_year_note"], "LP_Note")
    sh.text("A29", t["p_cm"])
    sh.empty("B29", "LP_Input_percent")
    sh.text("C29", t["p_cm_note"], "LP_Note")
    for name, address in (("LP_NAME", "B3"), ("LP_LAST_YEAR", "B6:E17"),
                          ("LP_TARGET", "B25"), ("LP_EXISTING_ORDERS", "B26"),
                          ("LP_MARKETING_LEADS_PER_MONTH", "B27"),
                          ("LP_MARKETING_CONVERSION", "B29"),
                          ("LP_LAST_YEAR_REVENUE", "B18"), ("LP_LAST_YEAR_ORDERS", "C18"),
                          ("LP_LAST_YEAR_LEADS_WON", "D18"), ("LP_LAST_YEAR_LEADS", "E18"),
                          ("LP_CONVERSION", "B21"), ("LP_ORDER_SIZE", "B22"),
                          ("LP_MARKETING_LEADS", "B28")):
        sh.define(name, address)

    # T, S, E, c, M as the functions take them; B29 is the optional marketing conversion.
    args = "B25;B22;B26;B21;B28"

    def with_cm(function: str) -> str:
        return f"=IF(ISBLANK(B29);{function}({args});{function}({args};B29))"

    sh.text("A31", t["p_step5"], "LP_Heading")
    rows = [
        ("p_orders_needed", "=REQUIREDORDERS(B25;B22)", "LP_Result_count"),
        ("p_new_orders", "=NEWCUSTOMERORDERS(B25;B22;B26)", "LP_Result_count"),
        ("p_leads_needed", "=REQUIREDLEADS(B25;B22;B26;B21)", "LP_Result_count"),
        ("p_proactive", with_cm("PROACTIVELEADS"), "LP_Total_count"),
        ("p_revenue_own", with_cm("PROACTIVEREVENUE"), "LP_Total_currency"),
    ]
    names = ("LP_REQUIRED_ORDERS", "LP_NEW_CUSTOMER_ORDERS", "LP_LEADS_NEEDED",
             "LP_PROACTIVE_LEADS", "LP_PROACTIVE_REVENUE")
    for i, ((key, formula, style), name) in enumerate(zip(rows, names, strict=True)):
        row = 32 + i
        sh.define(name, f"B{row}")
        sh.text(f"A{row}", t[key])
        sh.formula(f"B{row}", formula, style)
        sh.text(f"C{row}", t[key + "_note"], "LP_Note")

    sh.text("A38", t["p_block"], "LP_Heading")
    sh.text("A39", t["p_block_note"], "LP_Note")
    block_styles = [["LP_Result", "LP_Result_count"] for _ in range(8)]
    block_styles[6][1] = "LP_Result_currency"
    sh.array("A40", 8, 2, with_cm("PROACTIVEPLAN"), block_styles)

    sh.text("A49", t["p_tips"], "LP_Heading")
    for i, line in enumerate(t["p_tip_lines"]):
        sh.text(f"A{50 + i}", line, "LP_Note")
    return sh


# Team rows, shared by the sheet and the chart; tests/e2e/test_workbooks.py relies on
# this layout (headers in row 4, account managers from row 5, then the total row).
TEAM_FIRST_ROW, TEAM_ROWS = 5, len(TEAM)
TEAM_TOTAL_ROW = TEAM_FIRST_ROW + TEAM_ROWS       # 13
TEAM_BEST_ROW = TEAM_TOTAL_ROW + 1                # 14


def team(t: dict) -> Sheet:
    sh = Sheet(t["team"], [3.6] + [2.8] * 19)
    sh.text("A1", t["t_title"], "LP_Title")
    sh.text("A2", t["t_intro"], "LP_Note")
    headers = ["t_name", "t_target", "t_rev_ly", "t_orders_ly", "t_won_ly", "t_leads_ly",
               "t_existing", "t_marketing", "t_cm", "t_size", "t_conv", "t_vs", "t_orders",
               "t_new", "t_leads", "t_proactive", "t_proactive_rev", "t_best",
               "t_from_marketing", "t_own"]
    for i, key in enumerate(headers):
        sh.text(f"{chr(65 + i)}4", t[key], "LP_Header")

    first, last = TEAM_FIRST_ROW, TEAM_TOTAL_ROW - 1
    tot, best = TEAM_TOTAL_ROW, TEAM_BEST_ROW
    for i, (name, data) in enumerate(zip(t["t_names"], TEAM)):
        r = first + i
        target, rev, orders, won, leads, existing, marketing = data
        sh.text(f"A{r}", name)
        sh.number(f"B{r}", target, "LP_Input_currency")
        sh.number(f"C{r}", rev, "LP_Input_currency")
        for col, value in zip("DEFGH", (orders, won, leads, existing, marketing)):
            sh.number(f"{col}{r}", value, "LP_Input_count")
        sh.empty(f"I{r}", "LP_Input_percent")
        sh.formula(f"J{r}", f"=AVERAGEORDERSIZE(C{r};D{r})", "LP_Result_currency")
        sh.formula(f"K{r}", f"=CONVERSIONRATE(E{r};F{r})", "LP_Result_percent")
        sh.formula(f"L{r}", f"=K{r}-K${tot}", "LP_Result_points")
        sh.formula(f"M{r}", f"=REQUIREDORDERS(B{r};J{r})", "LP_Result_count")
        sh.formula(f"N{r}", f"=NEWCUSTOMERORDERS(B{r};J{r};G{r})", "LP_Result_count")
        sh.formula(f"O{r}", f"=REQUIREDLEADS(B{r};J{r};G{r};K{r})", "LP_Result_count")
        a = f"B{r};J{r};G{r};K{r};H{r}"
        sh.formula(f"P{r}", f"=IF(ISBLANK(I{r});PROACTIVELEADS({a});PROACTIVELEADS({a};I{r}))",
                   "LP_Result_count")
        sh.formula(f"Q{r}", f"=IF(ISBLANK(I{r});PROACTIVEREVENUE({a});PROACTIVEREVENUE({a};I{r}))",
                   "LP_Result_currency")
        # At the best colleague's conversion; a blank marketing conversion follows it.
        b = f"B{r};J{r};G{r};K${best};H{r}"
        sh.formula(f"R{r}", f"=IF(ISBLANK(I{r});PROACTIVELEADS({b});PROACTIVELEADS({b};I{r}))",
                   "LP_Result_count")
        # The chart's split of the orders: marketing's leads bring M x cm orders, at most N.
        sh.formula(f"S{r}", f"=MIN(N{r};H{r}*IF(ISBLANK(I{r});K{r};I{r}))", "LP_Result_count")
        sh.formula(f"T{r}", f"=N{r}-S{r}", "LP_Result_count")

    sh.text(f"A{tot}", t["t_total"], "LP_Total")
    for col in "BC":
        sh.formula(f"{col}{tot}", f"=SUM({col}{first}:{col}{last})", "LP_Total_currency")
    for col in "DEFGH":
        sh.formula(f"{col}{tot}", f"=SUM({col}{first}:{col}{last})", "LP_Total_count")
    sh.empty(f"I{tot}", "LP_Total")
    sh.formula(f"J{tot}", f"=AVERAGEORDERSIZE(C{first}:C{last};D{first}:D{last})", "LP_Total_currency")
    sh.formula(f"K{tot}", f"=CONVERSIONRATE(E{first}:E{last};F{first}:F{last})", "LP_Total_percent")
    sh.empty(f"L{tot}", "LP_Total")
    for col in "MNOPRST":
        sh.formula(f"{col}{tot}", f"=SUM({col}{first}:{col}{last})", "LP_Total_count")
    sh.formula(f"Q{tot}", f"=SUM(Q{first}:Q{last})", "LP_Total_currency")
    sh.text(f"A{best}", t["t_best_row"])
    sh.formula(f"K{best}", f"=MAX(K{first}:K{last})", "LP_Result_percent")

    sh.cells[(best + 1, 0)] = Cell("empty", frame=team_chart(t, sh.name))
    return sh


# Where `./leadplan consolidate` (scripts/consolidate.py) fills the Team sheet's input columns
# from: Team column -> the LP_ name on each plan it comes from. Every other column of the first
# Team row holds formulas, copied down for every plan. A new input column on the Team sheet
# needs its LP_ name here (the consolidation refuses a Team input column it cannot fill).
TEAM_INPUT_NAMES = {
    "A": "LP_NAME", "B": "LP_TARGET", "C": "LP_LAST_YEAR_REVENUE", "D": "LP_LAST_YEAR_ORDERS",
    "E": "LP_LAST_YEAR_LEADS_WON", "F": "LP_LAST_YEAR_LEADS", "G": "LP_EXISTING_ORDERS",
    "H": "LP_MARKETING_LEADS", "I": "LP_MARKETING_CONVERSION",
}


def team_chart(t: dict, sheet: str) -> str:
    first, last = TEAM_FIRST_ROW, TEAM_TOTAL_ROW - 1
    q = f"'{sheet}'" if " " in sheet else sheet

    def rng(col: str, a: int, b: int) -> str:
        return f"{q}.{col}{a}:{q}.{col}{b}"

    series = [("G", "#1f3864"), ("S", "#ed7d31"), ("T", "#70ad47")]
    ranges = " ".join([rng("A", first, last)] + [rng(c, first, last) for c, _ in series])
    series_styles = "\n".join(
        f'<style:style style:name="chs{i}" style:family="chart"><style:graphic-properties '
        f'draw:stroke="none" draw:fill-color="{color}"/></style:style>'
        for i, (_, color) in enumerate(series))
    series_xml = "\n".join(
        f'<chart:series chart:style-name="chs{i}" chart:class="chart:bar" '
        f'chart:values-cell-range-address="{rng(col, first, last)}" '
        f'chart:label-cell-address="{q}.{col}4"/>'
        for i, (col, _) in enumerate(series))
    return f"""<draw:frame draw:z-index="0" draw:name="OrdersChart" draw:style-name="grChart" svg:width="24cm" svg:height="10cm" svg:x="0cm" svg:y="0.3cm">
<draw:object draw:notify-on-update-of-ranges="{ranges}">
<office:document office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.chart">
<office:automatic-styles>
<style:style style:name="chc" style:family="chart"><style:graphic-properties draw:stroke="none"/></style:style>
<style:style style:name="cht" style:family="chart"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="chp" style:family="chart"><style:chart-properties chart:stacked="true" chart:vertical="false" chart:treat-empty-cells="leave-gap"/></style:style>
<style:style style:name="chl" style:family="chart"><style:chart-properties chart:auto-position="true"/></style:style>
<style:style style:name="cha" style:family="chart"><style:chart-properties chart:display-label="true"/><style:graphic-properties svg:stroke-color="#b3b3b3"/></style:style>
<style:style style:name="chg" style:family="chart"><style:graphic-properties svg:stroke-color="#d9d9d9"/></style:style>
<style:style style:name="chw" style:family="chart"><style:graphic-properties draw:fill="none" draw:stroke="none"/></style:style>
{series_styles}
</office:automatic-styles>
<office:body>
<office:chart>
<chart:chart svg:width="24cm" svg:height="10cm" chart:class="chart:bar" chart:style-name="chc">
<chart:title chart:style-name="cht"><text:p>{escape(t["t_chart"])}</text:p></chart:title>
<chart:legend chart:legend-position="bottom" style:legend-expansion="wide" chart:style-name="chl"/>
<chart:plot-area chart:style-name="chp" chart:data-source-has-labels="none">
<chart:axis chart:dimension="x" chart:name="primary-x" chart:style-name="cha"><chart:categories table:cell-range-address="{rng("A", first, last)}"/></chart:axis>
<chart:axis chart:dimension="y" chart:name="primary-y" chart:style-name="cha"><chart:grid chart:style-name="chg" chart:class="major"/></chart:axis>
{series_xml}
<chart:wall chart:style-name="chw"/>
</chart:plot-area>
</chart:chart>
</office:chart>
</office:body>
</office:document>
</draw:object>
</draw:frame>"""


def marketing(t: dict) -> Sheet:
    sh = Sheet(t["marketing"], [10.5, 3.4, 2.8, 2.8, 6.0])
    plan = t["plan"]
    sh.text("A1", t["m_title"], "LP_Title")
    sh.text("A2", t["m_intro"], "LP_Note")

    sh.text("A4", t["m_last_year"], "LP_Heading")
    for col, key in zip("ABCDE", ("m_source", "m_leads", "m_won", "m_conv", "m_share")):
        sh.text(f"{col}5", t[key], "LP_Header")
    # Of last year's 100 leads and 20 won on "My plan", marketing brought 60 and 9 of them.
    sh.text("A6", t["m_from_marketing"])
    sh.number("B6", 60, "LP_Input_count")
    sh.number("C6", 9, "LP_Input_count")
    sh.formula("D6", "=CONVERSIONRATE(C6;B6)", "LP_Result_percent")
    sh.formula("E6", "=B6/B8", "LP_Result_percent")
    sh.text("A7", t["m_own"])
    sh.formula("B7", "=B8-B6", "LP_Result_count")
    sh.formula("C7", "=C8-C6", "LP_Result_count")
    sh.formula("D7", "=CONVERSIONRATE(C7;B7)", "LP_Result_percent")
    sh.formula("E7", "=B7/B8", "LP_Result_percent")
    sh.text("A8", t["m_all"], "LP_Total")
    sh.formula("B8", f"='{plan}'!E18", "LP_Total_count")
    sh.formula("C8", f"='{plan}'!D18", "LP_Total_count")
    sh.formula("D8", "=CONVERSIONRATE(C8;B8)", "LP_Total_percent")
    sh.formula("E8", "=B8/B8", "LP_Total_percent")
    sh.text("A9", t["m_diff"])
    sh.formula("B9", "=D6-D7", "LP_Result_points")
    sh.text("C9", t["m_diff_note"], "LP_Note")

    sh.text("A11", t["m_this_year"], "LP_Heading")
    sh.text("A12", t["m_target"])
    sh.formula("B12", f"='{plan}'!B25", "LP_Result_currency")
    sh.text("A13", t["m_size"])
    sh.formula("B13", f"='{plan}'!B22", "LP_Result_currency")
    sh.text("A14", t["m_existing"])
    sh.formula("B14", f"='{plan}'!B26", "LP_Result_count")
    sh.text("A15", t["m_marketing_leads"])
    sh.formula("B15", f"='{plan}'!B28", "LP_Result_count")
    # Own prospecting converts at D7, marketing's leads at D6 (the optional argument).
    args = "B12;B13;B14;D7;B15"
    sh.text("A16", t["m_proactive"])
    sh.formula("B16", f"=PROACTIVELEADS({args};D6)", "LP_Total_count")
    sh.text("C16", t["m_proactive_note"], "LP_Note")
    sh.text("A17", t["m_better"])
    sh.number("B17", 0.05, "LP_Input_percent")
    sh.text("C17", t["m_better_note"], "LP_Note")
    sh.text("A18", t["m_proactive_better"])
    sh.formula("B18", f"=PROACTIVELEADS({args};MIN(1;D6+B17))", "LP_Result_count")
    sh.text("A19", t["m_saved"])
    sh.formula("B19", "=B16-B18", "LP_Total_count")

    sh.text("A21", t["m_realistic"], "LP_Heading")
    sh.text("A22", t["m_can"])
    sh.number("B22", 30, "LP_Input_count")
    sh.text("A23", t["m_achievable"])
    sh.formula("B23", "=ACHIEVABLEREVENUE(B13;B14;D7;B15;B22;D6)", "LP_Total_currency")
    sh.text("C23", t["m_achievable_note"], "LP_Note")
    sh.text("A24", t["m_achievable_better"])
    sh.formula("B24", "=ACHIEVABLEREVENUE(B13;B14;D7;B15;B22;MIN(1;D6+B17))", "LP_Result_currency")
    sh.text("A25", t["m_needed_conv"])
    sh.formula("B25", "=REQUIREDCONVERSION(B12;B13;B14;B15+B22)", "LP_Result_percent")
    sh.text("C25", t["m_needed_conv_note"], "LP_Note")
    return sh


# ---- My time (issue 13) -------------------------------------------------------------------
TEXT["en"]["styles"]["decimal"] = "hours"
TEXT["nl"]["styles"]["decimal"] = "uren"
TEXT["en"].update(
    y_sheet="My time",
    y_title="Where my time goes",
    y_intro=["How many calls, conversations and meetings your proactive leads take, and whether existing",
             "customers, marketing's leads and your own prospecting fit in your week. Yellow: inputs, green: results."],
    y_stages="Own prospecting: the activities behind your proactive leads",
    y_activity="Activity", y_rate="Rate to the next stage", y_hours_each="Hours each",
    y_per_year="Needed this year", y_per_week="Per week", y_hours_year="Hours this year",
    y_stage_names=["Calls", "Conversations", "Meetings"],
    y_activity_hours="Hours for these activities",
    y_stages_note=["ACTIVITIESNEEDED, an array formula over the three rows: meetings turn into",
                   "leads at the last rate, conversations into meetings at the one before."],
    y_inputs="Your hours",
    y_hours_order="Hours per order from existing customers",
    y_hours_lead="Hours per lead, marketing's or your own",
    y_weeks="Working weeks in the year",
    y_available="Hours a week available for sales work",
    y_from_plan="From My plan",
    y_existing="Orders from existing customers", y_marketing="Leads from marketing",
    y_proactive="Proactive leads",
    y_where="Where the time goes",
    y_source="Source", y_hours_per_year="Hours a year", y_hours_per_week="Hours a week",
    y_share="Share of the time",
    y_src_existing="Existing customers", y_src_marketing="Marketing's leads",
    y_src_own="Own prospecting",
    y_total="Total", y_available_row="Available for sales work",
    y_left="Left over (below 0: short)",
    y_fits=("The plan fits in your week, with ", " hours a week to spare."),
    y_short=("The plan does not fit in your week: it needs ", " hours a week more than you have."),
    y_chart_block="The week in a chart",
    y_plan_col="Your plan", y_available_col="Available",
    y_chart="Hours a week by source",
    y_team_head="Own prospecting, team-wide",
    y_team_rate="Rate to the next stage", y_team_hours="Hours each",
    y_team_per_lead="Per lead", y_team_weeks="Weeks",
    y_team_col="Own prospecting hours a week",
)
TEXT["nl"].update(
    y_sheet="Mijn tijd",
    y_title="Waar mijn tijd heen gaat",
    y_intro=["Hoeveel belletjes, gesprekken en afspraken je proactieve leads vragen, en of bestaande klanten,",
             "de leads van marketing en je eigen prospectie in je week passen. Geel: invoer, groen: resultaten."],
    y_stages="Eigen prospectie: de activiteiten achter je proactieve leads",
    y_activity="Activiteit", y_rate="Conversie naar de volgende stap", y_hours_each="Uren per stuk",
    y_per_year="Nodig dit jaar", y_per_week="Per week", y_hours_year="Uren dit jaar",
    y_stage_names=["Belletjes", "Gesprekken", "Afspraken"],
    y_activity_hours="Uren voor deze activiteiten",
    y_stages_note=["BENODIGDEACTIVITEITEN, een matrixformule over de drie rijen: afspraken",
                   "worden leads met de laatste conversie, gesprekken afspraken met die ervoor."],
    y_inputs="Jouw uren",
    y_hours_order="Uren per order van bestaande klanten",
    y_hours_lead="Uren per lead, van marketing of van jezelf",
    y_weeks="Werkweken in het jaar",
    y_available="Uren per week beschikbaar voor sales",
    y_from_plan="Uit Mijn plan",
    y_existing="Orders van bestaande klanten", y_marketing="Leads van marketing",
    y_proactive="Proactieve leads",
    y_where="Waar de tijd heen gaat",
    y_source="Bron", y_hours_per_year="Uren per jaar", y_hours_per_week="Uren per week",
    y_share="Aandeel in de tijd",
    y_src_existing="Bestaande klanten", y_src_marketing="Leads van marketing",
    y_src_own="Eigen prospectie",
    y_total="Totaal", y_available_row="Beschikbaar voor sales",
    y_left="Over (onder 0: tekort)",
    y_fits=("Het plan past in je week, met ", " uur per week over."),
    y_short=("Het plan past niet in je week: het vraagt ", " uur per week meer dan je hebt."),
    y_chart_block="De week in een grafiek",
    y_plan_col="Jouw plan", y_available_col="Beschikbaar",
    y_chart="Uren per week per bron",
    y_team_head="Eigen prospectie, hele team",
    y_team_rate="Conversie naar de volgende stap", y_team_hours="Uren per stuk",
    y_team_per_lead="Per lead", y_team_weeks="Weken",
    y_team_col="Uren eigen prospectie per week",
)

# The example funnel turns the article's 40 proactive leads into round numbers: 80
# meetings, 200 conversations, 800 calls (issue 13). With these hours the week needs
# 480 + 240 + 460 = 1,180 hours a year, 25.7 a week: 1.7 more than the 24 available.
STAGE_RATES = [0.25, 0.4, 0.5]
STAGE_HOURS = [0.1, 0.5, 1.5]
HOURS_PER_EXISTING_ORDER, HOURS_PER_LEAD, WORKING_WEEKS, HOURS_AVAILABLE = 16, 4, 46, 24


def col_name(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def fits_sentence(t: dict, left: str) -> str:
    """A formula: the plain sentence on whether the week holds the plan (left: hours left)."""
    fa, fb = t["y_fits"]
    sa, sb = t["y_short"]
    return (f'=IF({left}>=0;"{fa}"&FIXED({left};1)&"{fb}";'
            f'"{sa}"&FIXED(-{left};1)&"{sb}")')


def my_time(t: dict) -> Sheet:
    sh = Sheet(t["y_sheet"], [9.0, 3.4, 3.2, 3.2, 2.6, 3.0])
    plan = t["plan"]
    sh.text("A1", t["y_title"], "LP_Title")
    assert len(t["y_intro"]) == 2 and len(t["y_stages_note"]) == 2
    for i, line in enumerate(t["y_intro"]):
        sh.text(f"A{2 + i}", line, "LP_Note")

    sh.text("A4", t["y_stages"], "LP_Heading")
    for col, key in zip("ABCDEF", ("y_activity", "y_rate", "y_hours_each", "y_per_year",
                                   "y_per_week", "y_hours_year")):
        sh.text(f"{col}5", t[key], "LP_Header")
    for i, (name, rate, hours) in enumerate(zip(t["y_stage_names"], STAGE_RATES, STAGE_HOURS)):
        r = 6 + i
        sh.text(f"A{r}", name, "LP_Input")
        sh.number(f"B{r}", rate, "LP_Input_percent")
        sh.number(f"C{r}", hours, "LP_Input_decimal")
        sh.formula(f"E{r}", f"=D{r}/$B$15", "LP_Result_decimal")
        sh.formula(f"F{r}", f"=D{r}*C{r}", "LP_Result_count")
    sh.array("D6", 3, 1, "=ACTIVITIESNEEDED(B21;B6:B8)", [["LP_Result_count"]] * 3)
    sh.text("A9", t["y_activity_hours"], "LP_Total")
    sh.formula("F9", "=SUM(F6:F8)", "LP_Total_count")
    for i, line in enumerate(t["y_stages_note"]):
        sh.text(f"A{10 + i}", line, "LP_Note")

    sh.text("A12", t["y_inputs"], "LP_Heading")
    for r, key, value, style in ((13, "y_hours_order", HOURS_PER_EXISTING_ORDER, "LP_Input_decimal"),
                                 (14, "y_hours_lead", HOURS_PER_LEAD, "LP_Input_decimal"),
                                 (15, "y_weeks", WORKING_WEEKS, "LP_Input_count"),
                                 (16, "y_available", HOURS_AVAILABLE, "LP_Input_decimal")):
        sh.text(f"A{r}", t[key])
        sh.number(f"B{r}", value, style)

    sh.text("A18", t["y_from_plan"], "LP_Heading")
    for r, key, source in ((19, "y_existing", "B26"), (20, "y_marketing", "B28"),
                           (21, "y_proactive", "B35")):
        sh.text(f"A{r}", t[key])
        sh.formula(f"B{r}", f"='{plan}'!{source}", "LP_Result_count")

    sh.text("A23", t["y_where"], "LP_Heading")
    for col, key in zip("ABCD", ("y_source", "y_hours_per_year", "y_hours_per_week", "y_share")):
        sh.text(f"{col}24", t[key], "LP_Header")
    sources = ((25, "y_src_existing", "=B19*B13"), (26, "y_src_marketing", "=B20*B14"),
               (27, "y_src_own", "=F9+B21*B14"))
    for r, key, hours in sources:
        sh.text(f"A{r}", t[key])
        sh.formula(f"B{r}", hours, "LP_Result_count")
        sh.formula(f"C{r}", f"=B{r}/$B$15", "LP_Result_decimal")
        sh.formula(f"D{r}", f"=B{r}/$B$28", "LP_Result_percent")
    sh.text("A28", t["y_total"], "LP_Total")
    sh.formula("B28", "=SUM(B25:B27)", "LP_Total_count")
    sh.formula("C28", "=SUM(C25:C27)", "LP_Total_decimal")
    sh.formula("D28", "=SUM(D25:D27)", "LP_Total_percent")
    sh.text("A29", t["y_available_row"])
    sh.formula("B29", "=B16*B15", "LP_Result_count")
    sh.formula("C29", "=B16", "LP_Result_decimal")
    sh.text("A30", t["y_left"])
    sh.formula("B30", "=B29-B28", "LP_Result_count")
    sh.formula("C30", "=C29-C28", "LP_Result_decimal")
    sh.formula("A31", fits_sentence(t, "C30"), "LP_Total")

    # The chart's table: the plan's hours a week stacked by source, and the hours
    # available as a bar beside it.
    sh.text("A33", t["y_chart_block"], "LP_Heading")
    sh.empty("A34", "LP_Header")
    sh.text("B34", t["y_plan_col"], "LP_Header")
    sh.text("C34", t["y_available_col"], "LP_Header")
    for r, key, source in ((35, "y_src_existing", "C25"), (36, "y_src_marketing", "C26"),
                           (37, "y_src_own", "C27")):
        sh.text(f"A{r}", t[key])
        sh.formula(f"B{r}", f"={source}", "LP_Result_decimal")
    sh.text("A38", t["y_available_row"])
    sh.formula("C38", "=C29", "LP_Result_decimal")
    sh.cells[(38, 0)] = Cell("empty", frame=time_chart(t, sh.name))

    for name, address in (
            ("LP_STAGE_NAMES", "A6:A8"), ("LP_STAGE_RATES", "B6:B8"),
            ("LP_HOURS_PER_ACTIVITY", "C6:C8"), ("LP_HOURS_PER_EXISTING_ORDER", "B13"),
            ("LP_HOURS_PER_LEAD", "B14"), ("LP_WORKING_WEEKS", "B15"),
            ("LP_HOURS_AVAILABLE_PER_WEEK", "B16"),
            ("LP_ACTIVITIES_PER_YEAR", "D6:D8"), ("LP_ACTIVITIES_PER_WEEK", "E6:E8"),
            ("LP_ACTIVITY_HOURS_PER_YEAR", "F9"),
            ("LP_EXISTING_HOURS_PER_YEAR", "B25"), ("LP_EXISTING_HOURS_PER_WEEK", "C25"),
            ("LP_EXISTING_TIME_SHARE", "D25"),
            ("LP_MARKETING_HOURS_PER_YEAR", "B26"), ("LP_MARKETING_HOURS_PER_WEEK", "C26"),
            ("LP_MARKETING_TIME_SHARE", "D26"),
            ("LP_PROSPECTING_HOURS_PER_YEAR", "B27"), ("LP_PROSPECTING_HOURS_PER_WEEK", "C27"),
            ("LP_PROSPECTING_TIME_SHARE", "D27"),
            ("LP_TOTAL_HOURS_PER_YEAR", "B28"), ("LP_TOTAL_HOURS_PER_WEEK", "C28"),
            ("LP_HOURS_AVAILABLE_PER_YEAR", "B29"), ("LP_HOURS_LEFT_PER_WEEK", "C30")):
        sh.define(name, address)
    return sh


def time_chart(t: dict, sheet: str) -> str:
    q = f"'{sheet}'" if " " in sheet else sheet
    rows = [(35, "#1f3864"), (36, "#ed7d31"), (37, "#70ad47"), (38, "#a5a5a5")]
    ranges = " ".join([f"{q}.B34:{q}.C34"] + [f"{q}.A{r}:{q}.C{r}" for r, _ in rows])
    series_styles = "\n".join(
        f'<style:style style:name="cts{i}" style:family="chart"><style:graphic-properties '
        f'draw:stroke="none" draw:fill-color="{color}"/></style:style>'
        for i, (_, color) in enumerate(rows))
    series_xml = "\n".join(
        f'<chart:series chart:style-name="cts{i}" chart:class="chart:bar" '
        f'chart:values-cell-range-address="{q}.B{r}:{q}.C{r}" '
        f'chart:label-cell-address="{q}.A{r}"/>'
        for i, (r, _) in enumerate(rows))
    return f"""<draw:frame draw:z-index="0" draw:name="WeekChart" draw:style-name="grChart" svg:width="16cm" svg:height="9cm" svg:x="0cm" svg:y="0.3cm">
<draw:object draw:notify-on-update-of-ranges="{ranges}">
<office:document office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.chart">
<office:automatic-styles>
<style:style style:name="chc" style:family="chart"><style:graphic-properties draw:stroke="none"/></style:style>
<style:style style:name="cht" style:family="chart"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="chp" style:family="chart"><style:chart-properties chart:stacked="true" chart:vertical="false" chart:treat-empty-cells="use-zero"/></style:style>
<style:style style:name="chl" style:family="chart"><style:chart-properties chart:auto-position="true"/></style:style>
<style:style style:name="cha" style:family="chart"><style:chart-properties chart:display-label="true"/><style:graphic-properties svg:stroke-color="#b3b3b3"/></style:style>
<style:style style:name="chg" style:family="chart"><style:graphic-properties svg:stroke-color="#d9d9d9"/></style:style>
<style:style style:name="chw" style:family="chart"><style:graphic-properties draw:fill="none" draw:stroke="none"/></style:style>
{series_styles}
</office:automatic-styles>
<office:body>
<office:chart>
<chart:chart svg:width="16cm" svg:height="9cm" chart:class="chart:bar" chart:style-name="chc">
<chart:title chart:style-name="cht"><text:p>{escape(t["y_chart"])}</text:p></chart:title>
<chart:legend chart:legend-position="end" chart:style-name="chl"/>
<chart:plot-area chart:style-name="chp" chart:data-source-has-labels="none">
<chart:axis chart:dimension="x" chart:name="primary-x" chart:style-name="cha"><chart:categories table:cell-range-address="{q}.B34:{q}.C34"/></chart:axis>
<chart:axis chart:dimension="y" chart:name="primary-y" chart:style-name="cha"><chart:grid chart:style-name="chg" chart:class="major"/></chart:axis>
{series_xml}
<chart:wall chart:style-name="chw"/>
</chart:plot-area>
</chart:chart>
</office:chart>
</office:body>
</office:document>
</draw:object>
</draw:frame>"""


def team_time(sh: Sheet, t: dict) -> None:
    """Team: each account manager's hours a week for own prospecting, in the first free
    column, from team-wide stage rates and hours typed once above the table (rows 1-3)."""
    col = max(c for (r, c) in sh.cells if r == 3) + 1       # after the last header in row 4
    name = col_name(col)
    rates, hours = [col_name(col + 1 + i) for i in range(3)], col_name(col + 4)
    weeks = col_name(col + 5)
    sh.widths.extend([6.4] + [3.2] * 3 + [2.8] * 2)
    assert len(sh.widths) >= col + 6
    sh.text(f"{name}1", t["y_team_head"], "LP_Header")
    for c, label in zip(rates + [hours, weeks], t["y_stage_names"] + [t["y_team_per_lead"], t["y_team_weeks"]]):
        sh.text(f"{c}1", label, "LP_Header")
    sh.text(f"{name}2", t["y_team_rate"])
    sh.text(f"{name}3", t["y_team_hours"])
    for c, rate, each in zip(rates, STAGE_RATES, STAGE_HOURS):
        sh.number(f"{c}2", rate, "LP_Input_percent")
        sh.number(f"{c}3", each, "LP_Input_decimal")
    sh.number(f"{hours}3", HOURS_PER_LEAD, "LP_Input_decimal")
    sh.number(f"{weeks}3", WORKING_WEEKS, "LP_Input_count")
    sh.text(f"{name}4", t["y_team_col"], "LP_Header")
    first, last = TEAM_FIRST_ROW, TEAM_TOTAL_ROW - 1
    hours_row = f"${rates[0]}$3:${rates[-1]}$3"
    rates_row = f"${rates[0]}$2:${rates[-1]}$2"
    for r in range(first, last + 1):
        # The activities' hours (a row of hours times the column of counts) plus the
        # proactive leads' own hours, over the working weeks.
        sh.formula(f"{name}{r}", f"=(MMULT({hours_row};ACTIVITIESNEEDED(P{r};{rates_row}))"
                                 f"+P{r}*${hours}$3)/${weeks}$3", "LP_Result_decimal")
    sh.formula(f"{name}{TEAM_TOTAL_ROW}", f"=SUM({name}{first}:{name}{last})", "LP_Total_decimal")
    sh.define("LP_TEAM_STAGE_RATES", rates_row.replace("$", ""))
    sh.define("LP_TEAM_HOURS_PER_ACTIVITY", hours_row.replace("$", ""))
    sh.define("LP_TEAM_HOURS_PER_LEAD", f"{hours}3")
    sh.define("LP_TEAM_WORKING_WEEKS", f"{weeks}3")


# "Month by month" (issue 11): the article's plan through the year with a 2-month sales
# cycle, equal weights, and six months of made-up actuals: 8 new-customer orders won
# (cumulative 3, 4, 5, 7, 7, 8 against the plan's 2, 4, 5, 7, 9, 10) and 10 open leads,
# so the re-plan is the worked example: 20 proactive leads left.
MONTH_CYCLE = 2
MONTH_LEADS_GENERATED = [4, 3, 3, 4, 2, 3]
MONTH_ORDERS_WON = [3, 1, 1, 2, 0, 1]
MONTH_OPEN_LEADS = 10
MONTH_FIRST_ROW = 10   # January; December is row 21


def month_by_month(t: dict) -> Sheet:
    sh = Sheet(t["months_sheet"], [10.6, 2.4, 2.8, 2.8, 2.8, 2.8, 2.8, 2.8, 2.4])
    plan = t["plan"]
    first, last = MONTH_FIRST_ROW, MONTH_FIRST_ROW + 11
    sh.text("A1", t["mm_title"], "LP_Title")
    sh.text("A2", t["mm_intro"], "LP_Note")

    sh.text("A4", t["mm_inputs"], "LP_Heading")
    sh.text("A5", t["mm_cycle"])
    sh.number("B5", MONTH_CYCLE, "LP_Input_count")
    sh.text("C5", t["mm_cycle_note"], "LP_Note")
    sh.text("A6", t["mm_proactive"])
    sh.formula("B6", f"='{plan}'!B35", "LP_Result_count")

    sh.text("A8", t["mm_months"], "LP_Heading")
    for col, key in zip("ABCDEFGHI", ("mm_month", "mm_weight", "mm_plan_orders", "mm_plan_leads",
                                      "mm_actual_leads", "mm_actual_orders", "mm_cum_plan",
                                      "mm_cum_actual", "mm_status")):
        sh.text(f"{col}{first - 1}", t[key], "LP_Header")
    for i, month in enumerate(t["months"]):
        row = first + i
        sh.text(f"A{row}", month)
        sh.number(f"B{row}", 1, "LP_Input_count")
        for col, actuals in (("E", MONTH_LEADS_GENERATED), ("F", MONTH_ORDERS_WON)):
            if i < len(actuals):
                sh.number(f"{col}{row}", actuals[i], "LP_Input_count")
            else:
                sh.empty(f"{col}{row}", "LP_Input_count")
        sh.formula(f"G{row}", f"=SUM(C${first}:C{row})", "LP_Result_count")
        sh.formula(f"H{row}", f'=IF(ISBLANK(F{row});"";SUM(F${first}:F{row}))', "LP_Result_count")
        sh.formula(f"I{row}", f'=IF(H{row}="";"";IF(H{row}<G{row};"{t["mm_behind"]}";'
                              f'IF(H{row}>G{row};"{t["mm_ahead"]}";"{t["mm_on_track"]}")))', "LP_Result")
    # The yearly inputs from My plan; a blank marketing conversion is the own conversion,
    # which is also the functions' default, so passing c for it changes nothing.
    year = f"'{plan}'!B25;'{plan}'!B22;'{plan}'!B26;'{plan}'!B21;'{plan}'!B28"
    cm = f"IF(ISBLANK('{plan}'!B29);'{plan}'!B21;'{plan}'!B29)"
    sh.array(f"C{first}", 12, 2, f"=PROACTIVESCHEDULE({year};{cm};B5;B{first}:B{last})",
             [["LP_Result_count"] * 2] * 12)
    total = last + 1
    sh.text(f"A{total}", t["p_total"], "LP_Total")
    for col in "BCDEF":
        sh.formula(f"{col}{total}", f"=SUM({col}{first}:{col}{last})", "LP_Total_count")
    sh.text(f"A{total + 1}", t["mm_weight_note"], "LP_Note")

    sh.text("A25", t["mm_pipeline"], "LP_Heading")
    sh.text("A26", t["mm_pipeline_leads"])
    # Column D's last `cycle` months: rows after December's row minus the cycle.
    sh.formula("B26", f"=SUMPRODUCT(D{first}:D{last}*(ROW(D{first}:D{last})>ROW(D{last})-B5))",
               "LP_Total_count")
    sh.text("C26", t["mm_pipeline_note"], "LP_Note")

    sh.text("A28", t["mm_replan"], "LP_Heading")
    sh.text("A29", t["mm_done"])
    sh.formula("B29", f"=SUMPRODUCT(MAX(NOT(ISBLANK(F{first}:F{last}))*(ROW(F{first}:F{last})-ROW(F{first - 1}))))",
               "LP_Result_count")
    sh.text("A30", t["mm_won"])
    sh.formula("B30", f"=SUM(F{first}:F{last})", "LP_Result_count")
    sh.text("A31", t["mm_open"])
    sh.number("B31", MONTH_OPEN_LEADS, "LP_Input_count")
    sh.text("A32", t["mm_left"])
    sh.formula("B32", f"=PROACTIVELEADSLEFT({year};B29;B30;B31;{cm})", "LP_Total_count")
    sh.text("C32", t["mm_left_note"], "LP_Note")
    sh.text("A33", t["mm_window"])
    sh.formula("B33", "=12-B5-B29", "LP_Result_count")
    sh.text("C33", t["mm_window_note"], "LP_Note")
    sh.text("A34", t["mm_per_month"])
    sh.formula("B34", '=IF(B33>0;ROUNDUP(B32/B33;0);"")', "LP_Total_count")
    sh.formula("A35", f'=IF(AND(B33<=0;B32>0);"{t["mm_too_late"]}";"")', "LP_Note")

    for name, address in (("LP_CYCLE", "B5"), ("LP_MONTH_WEIGHTS", f"B{first}:B{last}"),
                          ("LP_MONTHLY_SCHEDULE", f"C{first}:D{last}"),
                          ("LP_LEADS_GENERATED", f"E{first}:E{last}"),
                          ("LP_ORDERS_WON", f"F{first}:F{last}"),
                          ("LP_PIPELINE_ON_JANUARY_FIRST", "B26"),
                          ("LP_MONTHS_DONE", "B29"), ("LP_ORDERS_WON_SO_FAR", "B30"),
                          ("LP_OPEN_LEADS", "B31"), ("LP_PROACTIVE_LEADS_LEFT", "B32"),
                          ("LP_CLOSING_WINDOW", "B33"), ("LP_LEADS_PER_REMAINING_MONTH", "B34")):
        sh.define(name, address)
    sh.cells[(36, 0)] = Cell("empty", frame=month_chart(t, sh.name))
    return sh


def month_chart(t: dict, sheet: str) -> str:
    """A line chart of the cumulative planned and actual new-customer orders (columns G
    and H); a month without an actual shows "" there, which the chart leaves out."""
    first, last = MONTH_FIRST_ROW, MONTH_FIRST_ROW + 11
    q = f"'{sheet}'" if " " in sheet else sheet

    def rng(col: str) -> str:
        return f"{q}.{col}{first}:{q}.{col}{last}"

    series = [("G", "#1f3864"), ("H", "#ed7d31")]
    ranges = " ".join([rng("A")] + [rng(c) for c, _ in series])
    series_styles = "\n".join(
        f'<style:style style:name="chs{i}" style:family="chart"><style:graphic-properties '
        f'svg:stroke-width="0.08cm" svg:stroke-color="{color}"/><style:chart-properties '
        f'chart:symbol-type="automatic"/></style:style>'
        for i, (_, color) in enumerate(series))
    series_xml = "\n".join(
        f'<chart:series chart:style-name="chs{i}" chart:class="chart:line" '
        f'chart:values-cell-range-address="{rng(col)}" '
        f'chart:label-cell-address="{q}.{col}{first - 1}"/>'
        for i, (col, _) in enumerate(series))
    return f"""<draw:frame draw:z-index="0" draw:name="MonthsChart" draw:style-name="grChart" svg:width="22cm" svg:height="9cm" svg:x="0cm" svg:y="0.3cm">
<draw:object draw:notify-on-update-of-ranges="{ranges}">
<office:document office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.chart">
<office:automatic-styles>
<style:style style:name="chc" style:family="chart"><style:graphic-properties draw:stroke="none"/></style:style>
<style:style style:name="cht" style:family="chart"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="chp" style:family="chart"><style:chart-properties chart:treat-empty-cells="leave-gap"/></style:style>
<style:style style:name="chl" style:family="chart"><style:chart-properties chart:auto-position="true"/></style:style>
<style:style style:name="cha" style:family="chart"><style:chart-properties chart:display-label="true"/><style:graphic-properties svg:stroke-color="#b3b3b3"/></style:style>
<style:style style:name="chg" style:family="chart"><style:graphic-properties svg:stroke-color="#d9d9d9"/></style:style>
<style:style style:name="chw" style:family="chart"><style:graphic-properties draw:fill="none" draw:stroke="none"/></style:style>
{series_styles}
</office:automatic-styles>
<office:body>
<office:chart>
<chart:chart svg:width="22cm" svg:height="9cm" chart:class="chart:line" chart:style-name="chc">
<chart:title chart:style-name="cht"><text:p>{escape(t["mm_chart"])}</text:p></chart:title>
<chart:legend chart:legend-position="bottom" style:legend-expansion="wide" chart:style-name="chl"/>
<chart:plot-area chart:style-name="chp" chart:data-source-has-labels="none">
<chart:axis chart:dimension="x" chart:name="primary-x" chart:style-name="cha"><chart:categories table:cell-range-address="{rng("A")}"/></chart:axis>
<chart:axis chart:dimension="y" chart:name="primary-y" chart:style-name="cha"><chart:grid chart:style-name="chg" chart:class="major"/></chart:axis>
{series_xml}
<chart:wall chart:style-name="chw"/>
</chart:plot-area>
</chart:chart>
</office:chart>
</office:body>
</office:document>
</draw:object>
</draw:frame>"""


# ---- How sure is this plan? (issue 12) ----------------------------------------------------
ADDIN.update(PLANPROBABILITY="planProbability", PROACTIVELEADSFOR="proactiveLeadsFor")
TEXT["en"].update(
    h_title="How sure is this plan?",
    h_intro=["The plan counts on averages: 100 leads at 20% bring 20 orders on average, and fewer just as",
             "often as more. Here: how often the plan reaches its target, and the leads to be surer of it."],
    h_chance="Chance that this plan reaches the target",
    h_chance_note="PLANPROBABILITY: every lead becomes an order or not, by chance",
    h_sentence=("With ", " proactive leads this plan reaches its target ", " times in 100."),
    h_level="How sure you want to be", h_certainty="Certainty",
    h_leads_for="Proactive leads needed", h_more="More than the plan",
    h_levels=["Fairly sure", "Sure", "Very sure"],
    h_for_note="PROACTIVELEADSFOR: the fewest proactive leads that give that certainty",
    h_level_sentence=("To be ", "% sure: ", " proactive leads, ", " more than the plan.",
                      " fewer than the plan."),
    h_chart_block="The chance against your proactive leads",
    h_chart_note="From none to twice the leads for the highest certainty; the dot is your plan.",
    h_points_leads="Proactive leads", h_points_chance="Chance of reaching the target",
    h_plan_point="Your plan",
    h_chart="Chance of reaching the target",
    h_axis_x="Proactive leads", h_axis_y="Chance",
    t_h_certainty="Certainty wanted",
    t_h_chance="Chance of reaching the target",
    t_h_leads_for="Proactive leads for the certainty wanted",
)
TEXT["nl"].update(
    h_title="Hoe zeker is dit plan?",
    h_intro=["Het plan rekent met gemiddelden: 100 leads met 20% conversie geven gemiddeld 20 orders, en even",
             "vaak minder als meer. Hier: hoe vaak het plan het target haalt, en de leads om zekerder te zijn."],
    h_chance="Kans dat dit plan het target haalt",
    h_chance_note="PLANKANS: elke lead wordt wel of geen order, door toeval",
    h_sentence=("Met ", " proactieve leads haalt dit plan zijn target ", " van de 100 keer."),
    h_level="Hoe zeker je wilt zijn", h_certainty="Zekerheid",
    h_leads_for="Benodigde proactieve leads", h_more="Meer dan het plan",
    h_levels=["Tamelijk zeker", "Zeker", "Heel zeker"],
    h_for_note="PROACTIEVELEADSVOOR: de minste proactieve leads die die zekerheid geven",
    h_level_sentence=("Voor ", "% zekerheid: ", " proactieve leads, ", " meer dan het plan.",
                      " minder dan het plan."),
    h_chart_block="De kans tegen je proactieve leads",
    h_chart_note="Van geen tot twee keer de leads voor de hoogste zekerheid; de stip is jouw plan.",
    h_points_leads="Proactieve leads", h_points_chance="Kans dat het target gehaald wordt",
    h_plan_point="Jouw plan",
    h_chart="Kans dat het target gehaald wordt",
    h_axis_x="Proactieve leads", h_axis_y="Kans",
    t_h_certainty="Gewenste zekerheid",
    t_h_chance="Kans dat het target gehaald wordt",
    t_h_leads_for="Proactieve leads voor de gewenste zekerheid",
)

# The three certainty levels (issue 12): with the article's plan 56, 66 and 75 leads.
CERTAINTY_LEVELS = [0.8, 0.9, 0.95]
TEAM_CERTAINTY = 0.9
# My plan rows, below the tips (A49..A53): nothing above row 55 moves.
HOW_SURE_ROW = 55
CHANCE_POINTS = 21      # 0, 1/20, ..., 20/20 of twice the leads for the highest level


def percent_text(cell: str) -> str:
    """A formula fragment: 80% as "80", 87.5% as "87.5" (in the sheet's decimal sign)."""
    return f"FIXED({cell}*100;IF({cell}*100=ROUND({cell}*100;0);0;1))"


def with_marketing_conversion(function: str, args: str, cm: str) -> str:
    """A blank marketing conversion is left out (Calc would pass it as 0)."""
    return f"IF(ISBLANK({cm});{function}({args});{function}({args};{cm}))"


def how_sure(sh: Sheet, t: dict) -> None:
    """My plan: the chance that the plan reaches its target, the proactive leads for three
    certainty levels, each in a sentence, and a chart of the chance against the leads."""
    assert max(r for r, _ in sh.cells) < HOW_SURE_ROW - 2, "How sure would overwrite My plan"
    r0 = HOW_SURE_ROW
    own = "B25;B22;B26;B21;B28"          # T, S, E, c, M as on the rest of My plan
    sh.text(f"A{r0}", t["h_title"], "LP_Heading")
    for i, line in enumerate(t["h_intro"]):
        sh.text(f"A{r0 + 1 + i}", line, "LP_Note")
    chance = f"B{r0 + 3}"
    sh.text(f"A{r0 + 3}", t["h_chance"])
    sh.formula(chance, "=" + with_marketing_conversion("PLANPROBABILITY", own + ";B35", "B29"),
               "LP_Total_percent")
    sh.text(f"C{r0 + 3}", t["h_chance_note"], "LP_Note")
    a, b, c = t["h_sentence"]
    sh.formula(f"A{r0 + 4}", f'="{a}"&FIXED(B35;0)&"{b}"&FIXED({chance}*100;0)&"{c}"', "LP_Note")
    sh.define("LP_PLAN_PROBABILITY", chance)

    head = r0 + 6
    for col, key in zip("ABCD", ("h_level", "h_certainty", "h_leads_for", "h_more")):
        sh.text(f"{col}{head}", t[key], "LP_Header")
    to_be, sure, leads, more, fewer = t["h_level_sentence"]
    for i, (label, level, word) in enumerate(zip(t["h_levels"], CERTAINTY_LEVELS,
                                                  ("LOW", "MID", "HIGH"), strict=True)):
        r = head + 1 + i
        sh.text(f"A{r}", label)
        sh.number(f"B{r}", level, "LP_Input_percent")
        sh.formula(f"C{r}", "=" + with_marketing_conversion("PROACTIVELEADSFOR", f"{own};B{r}", "B29"),
                   "LP_Result_count")
        sh.formula(f"D{r}", f"=C{r}-$B$35", "LP_Result_count")
        # The same level in words, under the table.
        sh.formula(f"A{head + 5 + i}",
                   f'="{to_be}"&{percent_text(f"B{r}")}&"{sure}"&FIXED(C{r};0)&"{leads}"&'
                   f'IF(D{r}>=0;FIXED(D{r};0)&"{more}";FIXED(-D{r};0)&"{fewer}")', "LP_Note")
        sh.define(f"LP_CERTAINTY_{word}", f"B{r}")
        sh.define(f"LP_PROACTIVE_LEADS_FOR_{word}", f"C{r}")
    sh.text(f"A{head + 4}", t["h_for_note"], "LP_Note")
    highest = f"$C${head + 3}"

    # The chart's points, under the chart: whole lead counts from 0 to twice the highest
    # level's, each with its chance; the plan's own point is its own series (B35, B58).
    block = head + 9
    sh.text(f"A{block}", t["h_chart_block"], "LP_Heading")
    sh.text(f"A{block + 1}", t["h_chart_note"], "LP_Note")
    chart_row = block + 2                      # the chart's anchor; it is 9 cm (20 rows) high
    points = chart_row + 22
    sh.text(f"A{points}", t["h_points_leads"], "LP_Header")
    sh.text(f"B{points}", t["h_points_chance"], "LP_Header")
    first, last = points + 1, points + CHANCE_POINTS
    steps = CHANCE_POINTS - 1
    for i in range(CHANCE_POINTS):
        r = first + i
        sh.formula(f"A{r}", f"=ROUND({i}*2*{highest}/{steps};0)", "LP_Result_count")
        sh.formula(f"B{r}", "=" + with_marketing_conversion("PLANPROBABILITY", f"{own};A{r}", "B29"),
                   "LP_Result_percent")
    # The plan's own point, under the line's points and named beside them.
    plan = last + 1
    sh.formula(f"A{plan}", "=B35", "LP_Total_count")
    sh.formula(f"B{plan}", f"={chance}", "LP_Total_percent")
    sh.text(f"C{plan}", t["h_plan_point"], "LP_Note")
    sh.cells[split_address(f"A{chart_row}")] = Cell(
        "empty", frame=chance_chart(t, sh.name, (first, last), points, f"A{plan}", f"B{plan}",
                                    f"C{plan}"))


def chance_chart(t: dict, sheet: str, rows: tuple[int, int], header: int, plan_leads: str,
                 plan_chance: str, plan_label: str) -> str:
    """An XY chart: the chance as a line over the points' lead counts, the plan as a dot."""
    q = f"'{sheet}'" if " " in sheet else sheet
    first, last = rows
    xs, ys = f"{q}.A{first}:{q}.A{last}", f"{q}.B{first}:{q}.B{last}"
    px, py = f"{q}.{plan_leads}", f"{q}.{plan_chance}"
    ranges = " ".join([xs, ys, px, py])
    return f"""<draw:frame draw:z-index="0" draw:name="ChanceChart" draw:style-name="grChart" svg:width="16cm" svg:height="9cm" svg:x="0cm" svg:y="0.3cm">
<draw:object draw:notify-on-update-of-ranges="{ranges}">
<office:document office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.chart">
<office:automatic-styles>
<number:percentage-style style:name="chN"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="chc" style:family="chart"><style:graphic-properties draw:stroke="none"/></style:style>
<style:style style:name="cht" style:family="chart"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="chp" style:family="chart"><style:chart-properties chart:lines="true" chart:symbol-type="automatic"/></style:style>
<style:style style:name="chl" style:family="chart"><style:chart-properties chart:auto-position="true"/></style:style>
<style:style style:name="chx" style:family="chart"><style:chart-properties chart:display-label="true" chart:minimum="0"/><style:graphic-properties svg:stroke-color="#b3b3b3"/></style:style>
<style:style style:name="chy" style:family="chart" style:data-style-name="chN"><style:chart-properties chart:display-label="true" chart:minimum="0" chart:maximum="1" chart:interval-major="0.2" chart:link-data-style-to-source="false"/><style:graphic-properties svg:stroke-color="#b3b3b3"/></style:style>
<style:style style:name="chg" style:family="chart"><style:graphic-properties svg:stroke-color="#d9d9d9"/></style:style>
<style:style style:name="chw" style:family="chart"><style:graphic-properties draw:fill="none" draw:stroke="none"/></style:style>
<style:style style:name="chs0" style:family="chart"><style:chart-properties chart:symbol-type="none"/><style:graphic-properties draw:stroke="solid" svg:stroke-width="0.07cm" svg:stroke-color="#1f3864"/></style:style>
<style:style style:name="chs1" style:family="chart"><style:chart-properties chart:symbol-type="named-symbol" chart:symbol-name="circle" chart:symbol-width="0.35cm" chart:symbol-height="0.35cm"/><style:graphic-properties draw:stroke="none" draw:fill-color="#ed7d31" svg:stroke-color="#ed7d31"/></style:style>
</office:automatic-styles>
<office:body>
<office:chart>
<chart:chart svg:width="16cm" svg:height="9cm" chart:class="chart:scatter" chart:style-name="chc">
<chart:title chart:style-name="cht"><text:p>{escape(t["h_chart"])}</text:p></chart:title>
<chart:legend chart:legend-position="bottom" chart:style-name="chl"/>
<chart:plot-area chart:style-name="chp" chart:data-source-has-labels="none">
<chart:axis chart:dimension="x" chart:name="primary-x" chart:style-name="chx"><chart:title><text:p>{escape(t["h_axis_x"])}</text:p></chart:title><chart:grid chart:style-name="chg" chart:class="major"/></chart:axis>
<chart:axis chart:dimension="y" chart:name="primary-y" chart:style-name="chy"><chart:title><text:p>{escape(t["h_axis_y"])}</text:p></chart:title><chart:grid chart:style-name="chg" chart:class="major"/></chart:axis>
<chart:series chart:style-name="chs0" chart:class="chart:scatter" chart:values-cell-range-address="{ys}" chart:label-cell-address="{q}.B{header}"><chart:domain table:cell-range-address="{xs}"/></chart:series>
<chart:series chart:style-name="chs1" chart:class="chart:scatter" chart:values-cell-range-address="{py}" chart:label-cell-address="{q}.{plan_label}"><chart:domain table:cell-range-address="{px}"/></chart:series>
<chart:wall chart:style-name="chw"/>
</chart:plot-area>
</chart:chart>
</office:chart>
</office:body>
</office:document>
</draw:object>
</draw:frame>"""


def team_probability(sh: Sheet, t: dict) -> None:
    """Team: each account manager's chance of reaching the target and proactive leads for
    the certainty typed once above the table: the two columns right after the last header
    in row 4; the certainty after every used column (My time's inputs fill rows 1-3 of
    the columns after that header)."""
    col = max(c for (r, c) in sh.cells if r == 3) + 1
    chance, leads = col_name(col), col_name(col + 1)
    assert not any((r, c) in sh.cells for r in range(3, TEAM_BEST_ROW) for c in (col, col + 1))
    level = max(max(c for (r, c) in sh.cells) + 1, len(sh.widths))
    certainty = col_name(level)
    sh.widths.extend([3.2] * (level + 1 - len(sh.widths)))
    sh.text(f"{certainty}1", t["t_h_certainty"], "LP_Header")
    sh.number(f"{certainty}2", TEAM_CERTAINTY, "LP_Input_percent")
    sh.text(f"{chance}4", t["t_h_chance"], "LP_Header")
    sh.text(f"{leads}4", t["t_h_leads_for"], "LP_Header")
    first, last = TEAM_FIRST_ROW, TEAM_TOTAL_ROW - 1
    for r in range(first, last + 1):
        own = f"B{r};J{r};G{r};K{r};H{r}"        # T, S, E, c, M as the row's P column takes them
        sh.formula(f"{chance}{r}", "=" + with_marketing_conversion("PLANPROBABILITY", f"{own};P{r}",
                                                                   f"I{r}"), "LP_Result_percent")
        sh.formula(f"{leads}{r}", "=" + with_marketing_conversion(
            "PROACTIVELEADSFOR", f"{own};${certainty}$2", f"I{r}"), "LP_Result_count")
    # No team chance in the total row: the team's orders are not one plan's.
    sh.empty(f"{chance}{TEAM_TOTAL_ROW}", "LP_Total")
    sh.formula(f"{leads}{TEAM_TOTAL_ROW}", f"=SUM({leads}{first}:{leads}{last})", "LP_Total_count")
    sh.define("LP_TEAM_CERTAINTY", f"{certainty}2")


# ---- serialisation ------------------------------------------------------------------------
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def cell_xml(cell: Cell, auto: dict[str, str]) -> str:
    attrs = f' table:style-name="{auto[cell.style]}"' if cell.style else ""
    inner = ""
    if cell.kind == "text":
        attrs += ' office:value-type="string" calcext:value-type="string"'
        inner = f"<text:p>{escape(str(cell.value))}</text:p>"
    elif cell.kind == "number":
        v = number_text(cell.value)  # type: ignore[arg-type]
        attrs += f' office:value-type="float" office:value="{v}" calcext:value-type="float"'
    elif cell.kind == "formula":
        attrs += f" table:formula={quoteattr(odf_formula(str(cell.value)))}"
        if cell.matrix:
            attrs += (f' table:number-matrix-rows-spanned="{cell.matrix[0]}"'
                      f' table:number-matrix-columns-spanned="{cell.matrix[1]}"')
    if cell.frame:
        inner += cell.frame
    return f"<table:table-cell{attrs}>{inner}</table:table-cell>" if inner \
        else f"<table:table-cell{attrs}/>"


def table_xml(sh: Sheet, index: int, auto: dict[str, str]) -> str:
    nrows = max(r for r, _ in sh.cells) + 1
    q = f"'{sh.name}'" if " " in sh.name else sh.name
    last = f"{col_name(len(sh.widths) - 1)}{nrows}"
    # The print range spans every column with a width, so notes that run on past their
    # cell print whole. (A PDF export with SinglePageSheets ignores it and crops to the
    # used cells: that is why the last columns of each sheet hold real content.)
    out = [f'<table:table table:name={quoteattr(sh.name)} table:style-name="ta1" '
           f'table:print-ranges="{q}.A1:{q}.{last}">']
    for c in range(len(sh.widths)):
        out.append(f'<table:table-column table:style-name="co{index}_{c}" '
                   'table:default-cell-style-name="Default"/>')
    for r in range(nrows):
        row_cells = {c: cell for (rr, c), cell in sh.cells.items() if rr == r}
        if not row_cells:
            out.append('<table:table-row table:style-name="ro1"><table:table-cell/></table:table-row>')
            continue
        parts = []
        col = 0
        for c in sorted(row_cells):
            if c > col:
                gap = c - col
                parts.append(f'<table:table-cell table:number-columns-repeated="{gap}"/>'
                             if gap > 1 else "<table:table-cell/>")
            parts.append(cell_xml(row_cells[c], auto))
            col = c + 1
        out.append('<table:table-row table:style-name="ro1">' + "".join(parts) + "</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out)


def named_ranges_xml(sheets: list[Sheet]) -> str:
    def absolute(sheet: str, address: str) -> str:
        return ":".join(f"$'{sheet}'." + re.sub(r"([A-Z]+)([0-9]+)", r"$\1$\2", a)
                        for a in address.split(":"))

    ranges = [(name, sh.name, address) for sh in sheets for name, address in sh.names.items()]
    assert len({name for name, _, _ in ranges}) == len(ranges), "an LP_ name used twice"
    out = ["<table:named-expressions>"]
    for name, sheet, address in sorted(ranges):
        first = absolute(sheet, address.split(":")[0])
        out.append(f'<table:named-range table:name="{name}" table:base-cell-address='
                   f'{quoteattr(first)} table:cell-range-address={quoteattr(absolute(sheet, address))}/>')
    out.append("</table:named-expressions>")
    return "\n".join(out)


def workbook_sheets(t: dict) -> list[Sheet]:
    """The workbook's sheets in order; also the source of docs/names.md (scripts/lpnames.py)."""
    sheets = [my_plan(t), team(t), marketing(t), my_time(t), month_by_month(t)]
    team_time(sheets[1], t)
    how_sure(sheets[0], t)
    team_probability(sheets[1], t)
    return sheets


def document(lang: str) -> str:
    t = TEXT[lang]
    sheets = workbook_sheets(t)
    used = sorted({cell.style for sh in sheets for cell in sh.cells.values() if cell.style})
    # Cells point at automatic styles whose parents are the named styles: the way Calc
    # itself writes them, so the named style shows in the Styles deck for each cell.
    auto = {name: f"ce{i + 1}" for i, name in enumerate(used)}
    auto_styles = [f'<style:style style:name="{auto[n]}" style:family="table-cell" '
                   f'style:parent-style-name="{n}"/>' for n in used]
    for i, sh in enumerate(sheets):
        for c, width in enumerate(sh.widths):
            auto_styles.append(f'<style:style style:name="co{i}_{c}" style:family="table-column">'
                               f'<style:table-column-properties fo:break-before="auto" '
                               f'style:column-width="{width}cm"/></style:style>')
    # Without it the chart's frame gets Calc's default blue outline.
    auto_styles.append('<style:style style:name="grChart" style:family="graphic"><style:graphic-properties '
                       'draw:stroke="none" draw:fill="none"/></style:style>')
    auto_styles.append('<style:style style:name="ro1" style:family="table-row">'
                       '<style:table-row-properties style:use-optimal-row-height="true" '
                       'fo:break-before="auto"/></style:style>')
    auto_styles.append('<style:style style:name="ta1" style:family="table" '
                       'style:master-page-name="Default"><style:table-properties '
                       'table:display="true" style:writing-mode="lr-tb"/></style:style>')
    tables = "\n".join(table_xml(sh, i, auto) for i, sh in enumerate(sheets))
    tables += "\n" + named_ranges_xml(sheets)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by examples/generate_workbooks.py: edit that script, not this file. -->
<office:document {NAMESPACES} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta>
<meta:generator>LeadPlan examples/generate_workbooks.py</meta:generator>
<dc:title>{escape(t["title"])}</dc:title>
<dc:subject>{escape(t["subject"])}</dc:subject>
<dc:language>{t["language"]}-{t["country"]}</dc:language>
</office:meta>
<office:styles>
{styles_xml(t)}
</office:styles>
<office:automatic-styles>
{chr(10).join(auto_styles)}
<style:page-layout style:name="pm1"><style:page-layout-properties style:writing-mode="lr-tb"/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Default" style:page-layout-name="pm1"/>
</office:master-styles>
<office:body>
<office:spreadsheet>
{tables}
</office:spreadsheet>
</office:body>
</office:document>
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--outdir", type=Path, default=HERE)
    parser.add_argument("--check", action="store_true",
                        help="compare with the files in --outdir instead of writing them")
    args = parser.parse_args()
    stale = []
    for lang in TEXT:
        path = args.outdir / f"leadplan-{lang}.fods"
        text = document(lang)
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run examples/generate_workbooks.py): "
              + ", ".join(str(p) for p in stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
