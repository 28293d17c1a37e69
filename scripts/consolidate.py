#!/usr/bin/python3
"""Consolidate account managers' LeadPlan plans into one team workbook (issue 14).

    ./leadplan consolidate -o TEAM.ods [--csv TEAM.csv] [--jobs N] [--timeout S] [--force]
                           [--verbose] [--lang en|nl] PLAN...

PLAN is a plan workbook (.ods, .xlsx, anything Calc opens), a folder (its .ods and .xlsx
files, not recursive, sorted by name; lock files and this run's outputs skipped), or a CSV
written by an earlier run (its rows are taken as they are, keeping their FILE). Rows
follow the order of the PLAN arguments whatever --jobs is; a file given twice is read once.

Each plan is opened as a private copy (so the original's bytes and folder are untouched,
and the copy is never saved) in a headless Calc with the built leadplan.oxt installed in
a throwaway profile, recalculated, and its LP_ named cells (docs/names.md) read. TEAM.ods is the
template's own Team sheet (taken from the .oxt) with one row per plan: the input columns
filled from the plans' named cells (examples/generate_workbooks.py TEAM_INPUT_NAMES), every
other column the first row's live formulas copied down, the total rows and chart following;
plus a "Files" sheet with every input file, its status and, for a failure, the reason.

A fault in one file never stops the run. An office that hangs on a plan (--timeout) or
dies is ended by its process id and the plan is retried once in a fresh office. Exit
status: 0 every plan read, 1 some not (the outputs hold the rest), 2 usage error, refusal
to overwrite, or no plan read (nothing written). Outputs are written to a temporary file
in the same folder and renamed into place; an existing output is replaced only with --force.

Every soffice runs in its own process group and is ended by that id on every path
(normal end, fault, Ctrl+C, SIGTERM). Test-only hook: LEADPLAN_CONSOLIDATE_TEST_HANG=<file
name>[,<file name>...] stops (SIGSTOP) the office reading that plan the first time, so it
hangs for real; --verbose names the office's process id.

Runs with Debian's /usr/bin/python3 (python3-uno); the harness is scripts/lpcalc.py.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "examples"))
import lpcalc  # noqa: E402
import lpnames  # noqa: E402
import generate_workbooks as gw  # noqa: E402
import uno  # noqa: E402

PLAN_SUFFIXES = (".ods", ".xlsx")
HANG_HOOK = "LEADPLAN_CONSOLIDATE_TEST_HANG"
# An office is restarted when its resident memory passes this, or after this many plans
# (0: never); see docs/performance.md for what one office grows by.
RSS_LIMIT_MIB = int(os.environ.get("LEADPLAN_CONSOLIDATE_RSS_LIMIT_MIB", "768"))
RESTART_EVERY = int(os.environ.get("LEADPLAN_CONSOLIDATE_RESTART_EVERY", "0"))
# Built once, here in the main thread, and shared: pyuno can fail when two worker threads
# look up UNO members at once (seen: "AttributeError: Name" on a PropertyValue that both
# workers were building). The model load's properties hold the copy's URL, so each worker
# builds its own; Worker.handle reads a plan again after such an AttributeError.
# Not ReadOnly: read_names writes formulas into the private copy, which is never saved.
PLAN_LOAD = lpcalc.props(Hidden=True, MacroExecutionMode=0, UpdateDocMode=0)

# Calc's error codes as a finance team would read them.
ERROR_WORDS = {
    502: "an input is out of range",
    503: "a calculation overflowed",
    504: "a range it uses holds an error",
    519: "text where a number belongs",
    523: "a calculation does not converge",
    524: "a reference to a cell that no longer exists",
    525: "an unknown function or name",
    532: "a division by zero",
    32767: "a value is not available",
}
FILES_HEADERS = {
    "en": ("Files", ("File", "Status", "Reason", "Name on the Team sheet")),
    "nl": ("Bestanden", ("Bestand", "Status", "Reden", "Naam op het blad Team")),
}
STATUS_WORDS = {
    "en": {"read": "read", "failed": "not read", "from": "read (from {})"},
    "nl": {"read": "gelezen", "failed": "niet gelezen", "from": "gelezen (uit {})"},
}


class Fault(Exception):
    """A plan that cannot be read, with the reason in plain words."""


@dataclass
class Plan:
    given: str                      # the path as given (or FILE of a CSV row)
    path: Path | None = None        # the file to read; None for rows taken from a CSV
    source: str = ""                # the CSV a row came from
    values: dict | None = None      # LP_ name -> float, str or None (blank)
    reason: str = ""                # why it was not read
    attempts: int = 0

    @property
    def read(self) -> bool:
        return self.values is not None

    def team_name(self) -> str:
        name = (self.values or {}).get("LP_NAME")
        if isinstance(name, float):
            name = number_text(name)
        return name if name else Path(self.given).name


# ---- CSV --------------------------------------------------------------------------------
def number_text(x: float) -> str:
    """The shortest text that reads back to the same double (Python's repr), without a
    trailing '.0': 1000000, 0.2, 1e+16."""
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


def csv_columns() -> list[lpnames.Name]:
    return [n for n in lpnames.documented() if n.single_cell]


def csv_text(plans: list[Plan]) -> str:
    names = csv_columns()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["FILE"] + [n.name for n in names])
    for p in plans:
        row = [p.given]
        for n in names:
            v = p.values.get(n.name)
            row.append("" if v is None else number_text(v) if isinstance(v, float) else v)
        w.writerow(row)
    return out.getvalue()


def read_csv(path: Path) -> list[Plan]:
    types = {n.name: n.type for n in lpnames.documented()}
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise Fault(f"cannot read this CSV ({exc})") from None
    if not rows or not rows[0] or rows[0][0] != "FILE":
        raise Fault("not a CSV written by `leadplan consolidate` (its first column is not FILE)")
    header = rows[0]
    plans = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        if len(row) != len(header):
            raise Fault(f"line {line} has {len(row)} fields, the header {len(header)}")
        values = {}
        for name, text in zip(header[1:], row[1:]):
            if text == "":
                values[name] = None
            elif types.get(name) == "text":
                values[name] = text
            else:
                try:
                    values[name] = float(text)
                except ValueError:
                    values[name] = text
        plans.append(Plan(given=row[0], source=str(path), values=values))
    return plans


# ---- finding the plans ------------------------------------------------------------------
def is_part(name: str) -> bool:
    """A temporary output of this command (temp_beside), e.g. left by a killed run."""
    return name.startswith(".") and ".part." in name


def expand(arguments: list[str], skip: set[str]) -> tuple[list[Plan], list[str]]:
    """The PLAN arguments as plans, in order, each file once; folders expanded. Returns the
    plans and warnings."""
    plans, warnings, seen = [], [], set()

    def add(given: str, path: Path) -> None:
        key = os.path.realpath(path)
        if key in seen:
            return
        seen.add(key)
        if path.suffix.lower() == ".csv":
            try:
                plans.extend(read_csv(path))
            except Fault as fault:
                plans.append(Plan(given=given, path=path, reason=str(fault)))
        else:
            plans.append(Plan(given=given, path=path))

    for arg in arguments:
        path = Path(arg)
        if path.is_dir():
            found = sorted((f for f in path.iterdir()
                            if f.suffix.lower() in PLAN_SUFFIXES and f.is_file()
                            and not f.name.startswith(".~lock.") and not is_part(f.name)
                            and os.path.realpath(f) not in skip), key=lambda f: f.name)
            if not found:
                warnings.append(f"{arg}: folder holds no .ods or .xlsx files")
            for f in found:
                add(os.path.join(arg, f.name), f)
        else:
            add(arg, path)
    return plans, warnings


def sniff(path: Path) -> str | None:
    """Faults that need no office: missing, unreadable, password-protected. Returns Calc's
    import filter when the file is plainly an ODF spreadsheet or an .xlsx workbook (what
    read_plan can load without type detection), else None."""
    if not path.exists():
        raise Fault("no such file")
    if not path.is_file():
        raise Fault("not a file")
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise Fault(f"cannot be read ({exc.strerror})") from None
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
                if "META-INF/manifest.xml" in names and \
                        b"encryption-data" in z.read("META-INF/manifest.xml"):
                    raise Fault("password-protected: save it without a password to include it")
                if "mimetype" in names and \
                        z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet":
                    return "calc8"
                if "xl/workbook.xml" in names:
                    return "Calc Office Open XML"
        except zipfile.BadZipFile:
            pass
    elif head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # An encrypted .xlsx is an OLE container with an EncryptionInfo stream.
        if "EncryptionInfo".encode("utf-16-le") in path.read_bytes():
            raise Fault("password-protected: save it without a password to include it")
    return None


# ---- one office -------------------------------------------------------------------------
def soffice_bin(leader: int) -> int | None:
    """soffice.bin's process id in the group whose leader (oosplash) we started."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        if comm == "soffice.bin" and int(fields[2]) == leader:   # fields[2]: pgrp
            return int(entry)
    return None


def alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] not in "ZX"


def rss_mib(pid: int | None) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU time of a process so far (what a plan costs whatever the load)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2:].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def read_cell(c):
    """A named cell's content: float, str, None (truly empty), or ('error', code, shown)."""
    err = c.getError()
    if err:
        return ("error", int(err), c.getString())
    kind = c.getType().value
    if kind == "EMPTY":
        return None
    if kind == "TEXT":
        return c.getString()
    if kind == "FORMULA":
        try:
            if c.getPropertyValue("FormulaResultType2") == 2:   # FormulaResult.STRING
                return c.getString()
        except Exception:
            pass
    return float(c.getValue())


_DOCS_ORDER: dict[str, int] = {}


def docs_order(name: str) -> tuple[int, str]:
    """Names in docs/names.md order (then any others by name), so a reason lists the
    first result that went wrong first."""
    if not _DOCS_ORDER:
        _DOCS_ORDER.update({n.name: i for i, n in enumerate(lpnames.documented())})
    return _DOCS_ORDER.get(name, len(_DOCS_ORDER)), name


def read_names(doc, names: list[str]) -> tuple[dict, list[str]]:
    """The single-cell LP_ names' contents, in a handful of UNO calls whatever their number.

    Each call to the office is a round trip between two processes; on a busy machine it
    costs milliseconds, and reading 53 names cell by cell took ~370 of them per plan. So a
    block of empty cells beside the last sheet's used area (in the private copy, never
    saved) gets a row of formulas per name, written and read back with one call each.
    Reading them also makes Calc interpret the cells the names depend on. A sheet of its
    own would be cleaner but costs ~20 ms per plan (Calc updates every reference when a
    sheet is inserted); it is the fallback for a protected sheet or one used up to its last
    column. Only a name whose cell shows an error is read on its own, to report its code
    and text as Calc shows them."""
    sheets = doc.Sheets
    sheet = sheets.getByIndex(sheets.Count - 1)
    used = sheet.createCursorByRange(sheet.getCellRangeByPosition(0, 0, 0, 0))
    used.gotoEndOfUsedArea(True)       # A1 to the used area's end: its width, no struct read
    column = used.Columns.Count + 1
    if sheet.isProtected() or column + 5 > sheet.Columns.Count:
        scratch = "LP_consolidate_read"
        while sheets.hasByName(scratch):
            scratch += "_"
        sheets.insertNewByName(scratch, sheets.Count)
        sheet, column = sheets.getByName(scratch), 0
    # ISREF and the size keep what the name-by-name read skipped: names that are no cell
    # reference (constants, #REF!) and ranges.
    rows = tuple((f"=ISREF({n})", f"=ROWS({n})*COLUMNS({n})", f"=ISERROR({n})",
                  f"=ISBLANK({n})", f"={n}") for n in names)
    cells = sheet.getCellRangeByPosition(column, 0, column + 4, len(names) - 1)
    cells.setFormulaArray(rows)
    values, errors = {}, []
    for name, (is_ref, size, is_error, is_blank, value) in zip(names, cells.getDataArray()):
        if not is_ref or size != 1:
            continue
        if is_error:
            v = read_cell(doc.NamedRanges.getByName(name).ReferredCells.getCellByPosition(0, 0))
            errors.append(f"{name} shows {v[2] or 'Err:' + str(v[1])}"
                          + (f" ({ERROR_WORDS[v[1]]})" if v[1] in ERROR_WORDS else ""))
        else:
            values[name] = None if is_blank else value
    return values, errors


def load_model(office: lpcalc.Office, url: str, filter_name: str):
    """The spreadsheet as a document model only, without the frame, window and view that
    loadComponentFromURL makes even for a hidden document: about 80 ms of soffice's CPU per
    plan instead of 115 to 150. None when the filter cannot import it (then read_plan
    loads it the usual way, which also tells what else it is)."""
    doc = office.smgr.createInstanceWithContext("com.sun.star.sheet.SpreadsheetDocument",
                                                office.ctx)
    try:
        doc.load(lpcalc.props(URL=url, FilterName=filter_name, MacroExecutionMode=0,
                              UpdateDocMode=0))
        return doc
    except Exception as exc:
        if type(exc).__name__ not in ("IOException", "IllegalArgumentException",
                                      "WrappedTargetException", "WrongFormatException"):
            raise                      # the office died or hung: Worker.handle retries
        doc.dispose()
        return None


def read_plan(office: lpcalc.Office, path: Path, work: Path, required: list[str],
              filter_name: str | None = None) -> dict:
    """Open a private copy of a plan, recalculate, read its LP_ names."""
    copy = work / f"plan{path.suffix.lower()}"
    shutil.copyfile(path, copy)
    url = uno.systemPathToFileUrl(str(copy))
    try:
        doc = load_model(office, url, filter_name) if filter_name else None
        if doc is None:
            doc = office.desktop.loadComponentFromURL(url, "_blank", 0, PLAN_LOAD)
    except Exception as exc:
        if type(exc).__name__ == "IllegalArgumentException":
            raise Fault("Calc cannot open it as a spreadsheet") from None
        raise
    if doc is None:
        raise Fault("not a spreadsheet: Calc cannot open it")
    try:
        if not doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
            kind = "a text document" if doc.supportsService("com.sun.star.text.TextDocument") \
                else "another kind of document"
            raise Fault(f"not a spreadsheet: Calc opens it as {kind}")
        doc.calculateAll()
        names = sorted((n for n in doc.NamedRanges.ElementNames if n.startswith("LP_")),
                       key=docs_order)
        values, errors = read_names(doc, names) if names else ({}, [])
    finally:
        lpcalc.close(doc)
        copy.unlink(missing_ok=True)
    missing = [n for n in required if n not in values and not any(e.startswith(n + " ") for e in errors)]
    if not values and not errors:
        raise Fault("has none of LeadPlan's named cells (LP_TARGET, ...): not made from the "
                    "LeadPlan template, or from a template older than the named cells; copy "
                    "its figures into a plan made from the current template")
    if missing:
        raise Fault("lacks LeadPlan's named cells " + ", ".join(missing) + ": made from an "
                    "older LeadPlan template; copy its figures into a plan made from the "
                    "current template")
    if errors:
        raise Fault("error cells in its results: " + "; ".join(errors))
    return values


class Worker(threading.Thread):
    """One headless office (own profile, copied from the run's installed master profile)
    and the plans it reads; restarted after a hang or death, or when it grows."""

    def __init__(self, number: int, run: "Run"):
        super().__init__(name=f"office-{number}", daemon=True)
        self.number = number
        self.run_ = run
        self.office: lpcalc.Office | None = None
        self.profile: lpcalc.Profile | None = None
        self.pid: int | None = None          # soffice.bin
        self.plans_in_office = 0
        self.last_rss = 0.0                  # MiB, after the office's last plan
        self.starts = 0
        self.busy_since: float | None = None
        self.starting: lpcalc.Office | None = None
        self.hung = False
        self.lock = threading.Lock()

    # -- office lifecycle
    def start_office(self) -> None:
        run = self.run_
        profile = lpcalc.Profile(prefix=f"office{self.number}-").__enter__()
        try:
            shutil.rmtree(profile.folder)
            shutil.copytree(run.master.folder, profile.folder, symlinks=True)
            office = lpcalc.Office(profile=profile, timeout=10 ** 7, start_timeout=120)
            self.starting = office           # so kill() reaches an office still starting
            if run.stopping.is_set():
                raise lpcalc.OfficeError("interrupted")
            office.__enter__()
        except BaseException:
            profile.__exit__(None, None, None)
            raise
        finally:
            self.starting = None
        with self.lock:
            self.office, self.profile = office, profile
            self.pid = soffice_bin(office.proc.pid) or office.proc.pid
        self.plans_in_office = 0
        self.starts += 1
        run.say_verbose(f"office {self.number} started: soffice pid {self.pid}")

    def stop_office(self) -> None:
        with self.lock:
            office, profile, pid = self.office, self.profile, self.pid
            self.office = self.profile = None
        if office is None:
            return
        if self.plans_in_office:
            self.run_.office_memory.append((self.number, pid, self.plans_in_office, self.last_rss))
            self.run_.say_verbose(f"office {self.number} (pid {pid}) ends after "
                                  f"{self.plans_in_office} plans, resident memory "
                                  f"{self.last_rss:.0f} MiB after its last plan, "
                                  f"CPU {cpu_seconds(pid):.1f} s")
        try:
            office.__exit__(None, None, None)
        finally:
            profile.__exit__(None, None, None)

    def kill(self) -> None:
        """End the office's process group at once (hang, Ctrl+C); by id, never by name."""
        with self.lock:
            office = self.office or self.starting
            if office is not None and office.proc is not None:
                try:
                    os.killpg(office.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def died(self, exc: Exception) -> bool:
        """Did the office die under this call? The bridge can report it before the process
        is gone (seen: DisposedException while soffice.bin was still exiting), so a
        disposed bridge counts, and otherwise the process gets a moment to vanish."""
        if "bridge disposed" in str(exc).lower():
            return True
        for _ in range(20):
            if not self.office_alive():
                return True
            time.sleep(0.1)
        return False

    def office_alive(self) -> bool:
        return self.office is not None and alive(self.pid) and self.office.proc.poll() is None

    # -- the work
    def run(self) -> None:
        run = self.run_
        try:
            while not run.stopping.is_set():
                try:
                    plan = run.todo.get_nowait()
                except queue.Empty:
                    break
                self.handle(plan)
                run.finished.put(plan)
        except BaseException as exc:  # never leave the main loop waiting for a dead worker
            run.finished.put(exc)
        # The office stays up: the main thread builds TEAM.ods in one of them and ends the
        # others (Run.builder, Run.stop).

    def handle(self, plan: Plan) -> None:
        run = self.run_
        try:
            filter_name = sniff(plan.path)
        except Fault as fault:
            plan.reason = str(fault)
            return
        for attempt in (1, 2):
            plan.attempts = attempt
            if run.stopping.is_set():
                plan.reason = "interrupted"
                return
            try:
                if self.office is not None and not self.office_alive():
                    run.say(f"office {self.number} (pid {self.pid}) died between plans; "
                            "starting a fresh office")
                    self.stop_office()
                elif self.office is not None and self.needs_restart():
                    self.stop_office()
                if self.office is None:
                    self.start_office()
            except Exception as exc:
                self.stop_office()
                if attempt == 1:
                    continue
                plan.reason = f"LibreOffice could not start to read it ({exc})"
                return
            self.hung = False
            self.busy_since = time.monotonic()
            try:
                hang = os.environ.get(HANG_HOOK, "").split(",")
                if attempt == 1 and Path(plan.given).name in hang:
                    os.killpg(self.office.proc.pid, signal.SIGSTOP)   # test hook: a real hang
                    run.say_verbose(f"test hook: office {self.number} (soffice pid {self.pid}) "
                                    f"stopped on {plan.given}")
                plan.values = read_plan(self.office, plan.path, self.profile.folder, run.required,
                                        filter_name)
                self.plans_in_office += 1
                self.last_rss = rss_mib(self.pid)
                return
            except Fault as fault:
                self.plans_in_office += 1
                self.last_rss = rss_mib(self.pid)
                plan.reason = str(fault)
                return
            except Exception as exc:
                # Not the plan's fault (that is a Fault): the office hung or died, or the
                # UNO bridge stumbled (pyuno, with two workers looking up UNO members at once,
                # can miss one: "AttributeError: getByIndex"; LibreOffice 25.2 once answered
                # "illegal object given!"). One retry in a fresh office.
                hung, died = self.hung, self.died(exc)
                self.stop_office()
                if hung:
                    why = f"LibreOffice hung on it (no answer within {run.timeout:g} s)"
                elif died:
                    why = "LibreOffice died while reading it"
                else:
                    why = f"Calc could not read it ({type(exc).__name__}: {exc})"
                if attempt == 1:
                    run.say(f"{plan.given}: {why}; retrying once in a fresh office")
                    continue
                plan.reason = f"{why}, also on the retry in a fresh office"
                return
            finally:
                self.busy_since = None

    def needs_restart(self) -> bool:
        return (RESTART_EVERY and self.plans_in_office >= RESTART_EVERY) or \
            rss_mib(self.pid) > RSS_LIMIT_MIB


# ---- the run ----------------------------------------------------------------------------
class Progress:
    def __init__(self, total: int, out=sys.stderr):
        self.total, self.out = total, out
        self.done = 0
        self.start = time.monotonic()
        self.first: float | None = None
        self.tty = out.isatty()

    def line(self, text: str) -> None:
        if self.tty:
            self.out.write("\r\033[K")
        self.out.write(text + "\n")
        if self.tty:
            self.bar()
        self.out.flush()

    def step(self, plan: Plan) -> None:
        self.done += 1
        if self.done == 1:
            self.first = time.monotonic()   # the rate leaves out the offices' start
        if self.tty:
            if not plan.read:
                self.line(f"{plan.given}: not read: {plan.reason}")
            self.bar()
        else:
            status = "read" if plan.read else f"not read: {plan.reason}"
            self.out.write(f"[{self.done}/{self.total}] {plan.given}: {status}\n")
            self.out.flush()

    def bar(self) -> None:
        elapsed = time.monotonic() - (self.first or self.start)
        rate = (self.done - 1) / elapsed if self.done > 1 and elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        width = 30
        filled = int(width * self.done / max(1, self.total))
        self.out.write(f"\r\033[K[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
                       f"  {rate:.1f} plans/s  {int(left) // 60}:{int(left) % 60:02d} left")
        self.out.flush()

    def finish(self) -> None:
        if self.tty:
            self.out.write("\n")
            self.out.flush()


class Run:
    def __init__(self, args):
        self.args = args
        self.timeout = args.timeout
        self.verbose = args.verbose
        self.todo: queue.Queue = queue.Queue()
        self.finished: queue.Queue = queue.Queue()
        self.stopping = threading.Event()
        self.master: lpcalc.Profile | None = None
        self.workers: list[Worker] = []
        self.office_memory: list[tuple[int, int, int, float]] = []
        self.progress: Progress | None = None
        self.required = sorted(set(gw.TEAM_INPUT_NAMES.values()))
        self.out_lock = threading.Lock()

    def say(self, text: str) -> None:
        with self.out_lock:
            if self.progress:
                self.progress.line(text)
            else:
                print(text, file=sys.stderr, flush=True)

    def say_verbose(self, text: str) -> None:
        if self.verbose:
            self.say(text)

    def read_all(self, plans: list[Plan]) -> None:
        to_read = [p for p in plans if p.path is not None and not p.read and not p.reason]
        self.progress = Progress(len(to_read))
        for p in to_read:
            self.todo.put(p)
        self.workers = [Worker(i + 1, self) for i in range(min(self.args.jobs, len(to_read)))]
        for w in self.workers:
            w.start()
        waiting = len(to_read)
        while waiting:
            try:
                item = self.finished.get(timeout=0.2)
            except queue.Empty:
                item = None
            if isinstance(item, BaseException):
                raise item
            if item is not None:
                waiting -= 1
                with self.out_lock:
                    self.progress.step(item)
            now = time.monotonic()
            for w in self.workers:
                since = w.busy_since
                if since is not None and now - since > self.timeout and not w.hung:
                    w.hung = True
                    w.kill()
            if item is None and not any(w.is_alive() for w in self.workers) and self.finished.empty():
                break
        for w in self.workers:
            w.join()
        self.progress.finish()

    def builder(self) -> Worker:
        """A live office to build TEAM.ods in (a reader's, started if none is left); every
        other office is ended now, so its memory figure is its last plan's."""
        keep = next((w for w in self.workers if w.office is not None and w.office_alive()), None)
        for w in self.workers:
            if w is not keep:
                w.stop_office()
        if keep is None:
            keep = Worker(0, self)
            self.workers.append(keep)
            keep.start_office()
        return keep

    def stop(self) -> None:
        """Every office ended by its process id; used on Ctrl+C, SIGTERM and errors."""
        self.stopping.set()
        for w in self.workers:
            w.kill()
        for w in self.workers:
            if w.ident is not None:
                w.join(timeout=30)
            try:
                w.stop_office()
            except Exception:
                pass


# ---- the team workbook ------------------------------------------------------------------
def template_from_oxt(oxt: Path, lang: str, folder: Path) -> Path:
    target = folder / f"leadplan-{lang}.ots"
    with zipfile.ZipFile(oxt) as z:
        target.write_bytes(z.read(f"template/LeadPlan/leadplan-{lang}.ots"))
    return target


def build_team(office: lpcalc.Office, template: Path, lang: str, plans: list[Plan],
               target: Path) -> None:
    """The template's Team sheet with one row per read plan, and a Files sheet."""
    rows = [p for p in plans if p.read]
    doc = office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(template)), "_blank", 0,
                                              lpcalc.props(Hidden=True, AsTemplate=True))
    if doc is None:
        raise lpcalc.OfficeError(f"cannot open the template {template}")
    try:
        sheets = doc.Sheets
        team_name = gw.TEXT[lang]["team"]
        team = sheets.getByName(team_name)
        # The Team sheet stands on its own; the other sheets are one person's plan.
        for name in list(sheets.ElementNames):
            if name != team_name:
                sheets.removeByName(name)
        for name in list(doc.NamedRanges.ElementNames):
            if doc.NamedRanges.getByName(name).ReferredCells is None:
                doc.NamedRanges.removeByName(name)

        first = gw.TEAM_FIRST_ROW - 1          # 0-based
        template_rows = gw.TEAM_ROWS
        n = len(rows)
        # Inserting or removing rows inside the table makes Calc stretch every range over
        # it: the totals, the best-conversion row and the chart follow.
        if n > template_rows:
            team.Rows.insertByIndex(first + template_rows - 1, n - template_rows)
        elif n < template_rows:
            team.Rows.removeByIndex(first + 1, template_rows - n)

        cursor = team.createCursor()
        cursor.gotoEndOfUsedArea(False)
        ncols = cursor.RangeAddress.EndColumn + 1
        formula_cols, input_cols = [], {}
        for c in range(ncols):
            cell = team.getCellByPosition(c, first)
            letter = gw.col_name(c)
            if letter in gw.TEAM_INPUT_NAMES:
                input_cols[c] = gw.TEAM_INPUT_NAMES[letter]
            elif cell.getType().value == "FORMULA":
                formula_cols.append(c)
            elif cell.getType().value != "EMPTY":
                raise lpcalc.OfficeError(f"Team column {letter} holds an input that no LP_ "
                                         "name fills (examples/generate_workbooks.py "
                                         "TEAM_INPUT_NAMES)")
            style = cell.CellStyle
            team.getCellRangeByPosition(c, first, c, first + n - 1).CellStyle = style
        fill = uno.Enum("com.sun.star.sheet.FillDirection", "TO_BOTTOM")
        for c in formula_cols:
            if n > 1:
                team.getCellRangeByPosition(c, first, c, first + n - 1).fillAuto(fill, 1)
        blanks = []
        for c, name in input_cols.items():
            column = []
            for i, p in enumerate(rows):
                v = p.team_name() if name == "LP_NAME" else p.values.get(name)
                if v is None or v == "":
                    blanks.append((c, first + i))
                    v = ""
                column.append((v,))
            team.getCellRangeByPosition(c, first, c, first + n - 1).setDataArray(tuple(column))
        for c, r in blanks:
            # A blank marketing conversion must stay a truly empty cell (ISBLANK).
            team.getCellByPosition(c, r).clearContents(1 | 2 | 4 | 16)
        # A name that looks like a formula or a number stays the text it is.
        for i, p in enumerate(rows):
            cell = team.getCellByPosition(0, first + i)
            if cell.getType().value != "TEXT":
                cell.setString(p.team_name())

        files_title, headers = FILES_HEADERS[lang]
        words = STATUS_WORDS[lang]
        sheets.insertNewByName(files_title, sheets.Count)
        files = sheets.getByName(files_title)
        data = [headers]
        for p in plans:
            if p.read and p.source:
                status = words["from"].format(Path(p.source).name)
            else:
                status = words["read"] if p.read else words["failed"]
            data.append((p.given, status, p.reason, p.team_name() if p.read else ""))
        files.getCellRangeByPosition(0, 0, 3, len(data) - 1).setDataArray(tuple(data))
        # The Team sheet's header style (the API names styles by their display name).
        files.getCellRangeByPosition(0, 0, 3, 0).CellStyle = \
            team.getCellByPosition(0, first - 1).CellStyle
        for c, width in enumerate((9000, 3500, 14000, 5000)):
            files.Columns.getByIndex(c).Width = width
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(str(target)), lpcalc.props(FilterName="calc8"))
    finally:
        lpcalc.close(doc)


# ---- output files -----------------------------------------------------------------------
def temp_beside(path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part" + path.suffix,
                                dir=path.parent)
    os.close(fd)
    return Path(name)


def place(tmp: Path, path: Path, force: bool) -> None:
    """Move a finished temporary file into place: atomically replace with --force, else
    refuse to overwrite (a link fails when the name exists, so no race)."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        tmp.unlink(missing_ok=True)
        raise
    tmp.unlink()


# ---- main -------------------------------------------------------------------------------
def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="leadplan consolidate", description=__doc__.split("\n")[0],
        usage="leadplan consolidate -o TEAM.ods [--csv TEAM.csv] [--jobs N] [--timeout S] "
              "[--force] [--verbose] PLAN...")
    parser.add_argument("plans", nargs="+", metavar="PLAN",
                        help="a plan workbook, a folder of them, or a CSV of an earlier run")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="TEAM.ods")
    parser.add_argument("--csv", type=Path, metavar="TEAM.csv")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="headless offices side by side (default: the number of cores)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="S",
                        help="seconds one plan may take before its office counts as hung")
    parser.add_argument("--force", action="store_true", help="replace existing outputs")
    parser.add_argument("--verbose", action="store_true",
                        help="also name each office's process id as it starts and ends")
    parser.add_argument("--lang", choices=sorted(gw.TEXT), default="en",
                        help="language of TEAM.ods (the template's Team sheet)")
    parser.add_argument("--oxt", type=Path,
                        default=os.environ.get("LEADPLAN_OXT") or
                        REPO / "build" / "packaging" / "leadplan.oxt",
                        help="the built extension (default: build/packaging/leadplan.oxt)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if not args.timeout > 0:
        parser.error("--timeout must be above 0")
    if args.output.suffix.lower() != ".ods":
        parser.error("-o names the team workbook, an .ods file")
    if args.csv and os.path.realpath(args.csv) == os.path.realpath(args.output):
        parser.error("--csv and -o name the same file")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    outputs = [p for p in (args.output, args.csv) if p is not None]
    for out in outputs:
        if out.exists() and not args.force:
            print(f"consolidate: {out} exists; not overwriting it (use --force to replace it)",
                  file=sys.stderr)
            return 2
        if not out.parent.is_dir():
            print(f"consolidate: no folder {out.parent} for {out}", file=sys.stderr)
            return 2
    if not args.oxt.is_file():
        print(f"consolidate: no extension at {args.oxt}; build it first (./leadplan build)",
              file=sys.stderr)
        return 2

    skip = {os.path.realpath(p) for p in outputs}
    plans, warnings = expand(args.plans, skip)
    for w in warnings:
        print(f"consolidate: {w}", file=sys.stderr)
    started = time.monotonic()
    run = Run(args)
    work = Path(tempfile.mkdtemp(prefix="leadplan-consolidate-"))
    tempfile.tempdir = str(work)        # every profile of this run lives under it
    temps: list[Path] = []

    def on_term(signum, frame):
        raise KeyboardInterrupt

    old_term = signal.signal(signal.SIGTERM, on_term)
    try:
        with lpcalc.Profile(prefix="master-") as master:
            master.add(args.oxt)
            run.master = master
            run.read_all(plans)
            read = [p for p in plans if p.read]
            failed = [p for p in plans if not p.read]
            if not read:
                print("consolidate: no plan could be read; nothing written", file=sys.stderr)
                for p in failed:
                    print(f"  {p.given}: {p.reason}", file=sys.stderr)
                return 2
            template = template_from_oxt(args.oxt, args.lang, work)
            team_tmp = temp_beside(args.output)
            temps.append(team_tmp)
            builder = run.builder()
            try:
                try:
                    build_team(builder.office, template, args.lang, plans, team_tmp)
                except Exception as exc:   # the same stumbles as a plan's: once more, fresh
                    run.say(f"building {args.output.name} failed ({type(exc).__name__}: {exc}); "
                            "retrying once in a fresh office")
                    builder.stop_office()
                    builder.start_office()
                    build_team(builder.office, template, args.lang, plans, team_tmp)
            finally:
                builder.stop_office()
            csv_tmp = None
            if args.csv:
                csv_tmp = temp_beside(args.csv)
                temps.append(csv_tmp)
                csv_tmp.write_text(csv_text(read), encoding="utf-8", newline="")
            try:
                place(team_tmp, args.output, args.force)
                if csv_tmp:
                    place(csv_tmp, args.csv, args.force)
            except FileExistsError as exc:
                print(f"consolidate: {exc.filename2 or exc.filename} appeared during the run; "
                      "not overwriting it (use --force)", file=sys.stderr)
                return 2
        elapsed = time.monotonic() - started
        if failed:
            print(f"consolidate: {len(failed)} not read:", file=sys.stderr)
            for p in failed:
                print(f"  {p.given}: {p.reason}", file=sys.stderr)
        print(f"consolidate: {len(read)} of {len(plans)} plans read in {elapsed:.1f} s; wrote "
              + ", ".join(str(o) for o in outputs), file=sys.stderr)
        return 1 if failed else 0
    except KeyboardInterrupt:
        run.stop()
        print("\nconsolidate: interrupted; every office ended, nothing written", file=sys.stderr)
        return 130
    finally:
        run.stop()
        signal.signal(signal.SIGTERM, old_term)
        for t in temps:
            t.unlink(missing_ok=True)
        tempfile.tempdir = None
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
