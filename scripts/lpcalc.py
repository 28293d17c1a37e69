"""A real, throwaway, headless LibreOffice Calc for LeadPlan's demo and end-to-end tests.

Run with Debian's /usr/bin/python3 (it has python3-uno). Typical use:

    with lpcalc.Office(oxt="build/packaging/leadplan.oxt", locale="en-US") as office:
        doc = office.new_calc()
        lpcalc.set_formula(lpcalc.cell(doc, 0, "A1"), "=PROACTIVELEADS(1000000;20000;30;0.2;60)")
        office.calculate_all(doc)
        print(lpcalc.read(lpcalc.cell(doc, 0, "A1")))

Everything soffice touches lives in one temporary folder (profile, shared extension
cache, HOME, XDG_*, TMPDIR): LibreOffice writes outside its profile too, and a profile
left behind by a dead soffice makes the next start hand over silently to the corpse.
soffice runs in its own process group, which is ended by its id in every path (normal
exit, exception, Ctrl+C, SIGTERM, watchdog), so no soffice outlives the harness.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

# python3-uno lives in Debian's dist-packages; another python3 (a venv, /usr/local)
# may not see it, so make the failure say what to do.
try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.table import CellRangeAddress  # noqa: F401  (re-exported for callers)
except ImportError as exc:  # pragma: no cover - environment problem, not a test failure
    sys.exit(f"lpcalc: cannot import the UNO bridge ({exc}); run with Debian's /usr/bin/python3 "
             "and install python3-uno")

PROGRAM_DIR = Path(os.environ.get("LEADPLAN_LO_PROGRAM_DIR", "/usr/lib/libreoffice/program"))
SOFFICE = PROGRAM_DIR / "soffice"
UNOPKG = PROGRAM_DIR / "unopkg"

# Calc's FormulaError codes as XCell.getError() reports them.
ERR_502 = 502          # invalid argument (IllegalArgumentException from an add-in)
ERR_504 = 504          # error in a parameter list (an error cell inside a range)
ERR_VALUE = 519        # #VALUE!
ERR_NAME = 525         # #NAME?
ERR_NA = 32767         # #N/A


class OfficeError(RuntimeError):
    pass


def _registry_xcu(locale: str) -> str:
    # UILocale sets the UI language (function names, descriptions); ooSetupSystemLocale
    # sets number formats and the ';' argument separator. -env:UILocale does not work.
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def _kill_group(proc: subprocess.Popen, grace: float) -> None:
    """End the process group we created for proc: wait, then SIGTERM, then SIGKILL.

    The group id is proc.pid (start_new_session), so this never reaches a process we
    did not start. soffice.bin is a child of oosplash in that same group.
    """
    pgid = proc.pid
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        pass
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            break  # the whole group is gone
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        # The leader is reaped; stragglers of the group (soffice.bin) may remain.
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
    if proc.poll() is None:
        proc.wait(timeout=5.0)


def _run_bounded(cmd: list[str], env: dict, timeout: float, log: Path) -> int:
    """Run cmd in its own process group with a timeout; the group is ended in every path."""
    with open(log, "ab") as out:
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise OfficeError(f"timed out after {timeout:.0f} s: {' '.join(cmd)}") from None
        finally:
            _kill_group(proc, grace=0.0)


class Office:
    """A headless soffice with its own throwaway folder; use as a context manager.

    oxt:      an .oxt to install (shared, into this folder only) before the start.
    locale:   UI and setup locale of the throwaway profile ("en-US", "nl-NL").
    timeout:  seconds the whole session may take; past it a watchdog ends soffice, so a
              hung bridge call fails instead of hanging the test run.
    keep:     keep the folder for inspection (soffice is ended anyway).
    """

    def __init__(self, oxt: str | os.PathLike | None = None, locale: str = "en-US",
                 timeout: float = 240.0, start_timeout: float = 60.0,
                 install_timeout: float = 120.0, keep: bool = False, verbose: bool = False):
        self.oxt = Path(oxt).resolve() if oxt else None
        self.locale = locale
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.install_timeout = install_timeout
        self.keep = keep
        self.verbose = verbose
        self.folder: Path | None = None
        self.proc: subprocess.Popen | None = None
        self.ctx = None
        self.smgr = None
        self.desktop = None
        self._watchdog: threading.Timer | None = None
        self._old_sigterm = None
        self._timed_out = False

    # ---- paths -------------------------------------------------------------------------
    def _env_options(self) -> list[str]:
        assert self.folder
        return [f"-env:UserInstallation={(self.folder / 'profile').as_uri()}",
                f"-env:UNO_SHARED_PACKAGES_CACHE={(self.folder / 'shared' / 'cache').as_uri()}"]

    def _env(self) -> dict:
        assert self.folder
        env = dict(os.environ)
        env.update(HOME=str(self.folder / "home"), XDG_CACHE_HOME=str(self.folder / "cache"),
                   XDG_CONFIG_HOME=str(self.folder / "config"),
                   XDG_DATA_HOME=str(self.folder / "data"), TMPDIR=str(self.folder / "tmp"))
        # The profile decides the language; a stray LANGUAGE/LC_ALL must not.
        for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            env.pop(var, None)
        env["LANG"] = "C.UTF-8"
        env.pop("SAL_USE_VCLPLUGIN", None)
        return env

    def log(self) -> str:
        try:
            return (self.folder / "soffice.log").read_text(errors="replace")  # type: ignore[operator]
        except (OSError, TypeError):
            return ""

    # ---- lifecycle ---------------------------------------------------------------------
    def __enter__(self) -> "Office":
        self.folder = Path(tempfile.mkdtemp(prefix="leadplan-e2e-"))
        try:
            self._install_signal_handler()
            for sub in ("profile/user", "shared/cache", "home", "cache", "config", "data", "tmp"):
                (self.folder / sub).mkdir(parents=True, exist_ok=True)
            (self.folder / "profile" / "user" / "registrymodifications.xcu").write_text(
                _registry_xcu(self.locale), encoding="utf-8")
            if self.oxt:
                self.install(self.oxt)
            self._start()
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._stop()
        finally:
            if self._watchdog:
                self._watchdog.cancel()
            self._restore_signal_handler()
            if self.folder and not self.keep:
                # A second pass catches files a dying process wrote during the first.
                for _ in range(3):
                    shutil.rmtree(self.folder, ignore_errors=True)
                    if not self.folder.exists():
                        break
                    time.sleep(0.5)
            elif self.folder:
                print(f"lpcalc: kept {self.folder}", file=sys.stderr)

    def _install_signal_handler(self) -> None:
        # Turn SIGTERM (ctest timeout, CI cancel) into an exception so finally blocks run.
        if threading.current_thread() is not threading.main_thread():
            return

        def on_term(signum, frame):
            raise SystemExit(128 + signum)

        self._old_sigterm = signal.signal(signal.SIGTERM, on_term)

    def _restore_signal_handler(self) -> None:
        if self._old_sigterm is not None:
            signal.signal(signal.SIGTERM, self._old_sigterm)
            self._old_sigterm = None

    def install(self, oxt: Path) -> None:
        """unopkg add --shared into this folder only (as root a user install is refused)."""
        if not oxt.is_file():
            raise OfficeError(f"no such extension: {oxt}")
        # -s: the license would otherwise be asked on standard input, which CI lacks.
        cmd = [str(UNOPKG), "add", "--shared", "-s", *self._env_options(), str(oxt)]
        log = self.folder / "unopkg.log"  # type: ignore[operator]
        rc = _run_bounded(cmd, self._env(), self.install_timeout, log)
        if rc != 0:
            raise OfficeError(f"unopkg add failed ({rc}):\n{log.read_text(errors='replace')}")

    def _start(self) -> None:
        pipe = f"leadplan_e2e_{os.getpid()}_{uuid.uuid4().hex[:12]}"
        cmd = [str(SOFFICE), "--headless", "--norestore", "--nologo", "--nodefault",
               "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
               *self._env_options()]
        logf = open(self.folder / "soffice.log", "ab")  # type: ignore[operator]
        try:
            self.proc = subprocess.Popen(cmd, env=self._env(), stdin=subprocess.DEVNULL,
                                         stdout=logf, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        finally:
            logf.close()
        self._watchdog = threading.Timer(self.timeout, self._on_timeout)
        self._watchdog.daemon = True
        self._watchdog.start()

        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                # oosplash may restart soffice.bin once (first start with extensions),
                # so only a dead process group is final, not a dead leader.
                if self.proc.poll() is not None and not self._group_alive():
                    raise OfficeError(f"soffice exited ({self.proc.returncode}) before "
                                      f"accepting:\n{self.log()}") from None
                if time.monotonic() > deadline:
                    raise OfficeError(f"soffice did not accept within {self.start_timeout:.0f} s:"
                                      f"\n{self.log()}") from None
                time.sleep(0.1)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def _group_alive(self) -> bool:
        try:
            os.killpg(self.proc.pid, 0)  # type: ignore[union-attr]
            return True
        except ProcessLookupError:
            return False

    def _on_timeout(self) -> None:
        self._timed_out = True
        print(f"lpcalc: session exceeded {self.timeout:.0f} s, ending soffice", file=sys.stderr)
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    @property
    def timed_out(self) -> bool:
        return self._timed_out

    def _stop(self) -> None:
        if self.proc is None:
            return
        if self.desktop is not None and self.proc.poll() is None:
            try:
                self.desktop.terminate()
            except Exception:
                # The bridge usually drops while soffice exits: that is success.
                pass
        self.desktop = self.smgr = self.ctx = None
        _kill_group(self.proc, grace=10.0)
        self.proc = None

    # ---- documents ---------------------------------------------------------------------
    def load(self, path: str | os.PathLike, hidden: bool = True, copy: bool = True):
        """Load a document; by default a copy inside the throwaway folder, so the lock
        file soffice writes next to it never lands in (or blocks) the source tree."""
        path = Path(path).resolve()
        if copy:
            target = self.folder / "docs" / path.name  # type: ignore[operator]
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(path, target)
            path = target
        url = uno.systemPathToFileUrl(str(path))
        doc = self.desktop.loadComponentFromURL(url, "_blank", 0, props(Hidden=hidden))
        if doc is None:
            raise OfficeError(f"could not load {path}")
        return doc

    def new_calc(self, hidden: bool = True):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                 props(Hidden=hidden))

    @staticmethod
    def calculate_all(doc) -> None:
        doc.calculateAll()

    def service(self, name: str):
        return self.smgr.createInstanceWithContext(name, self.ctx)

    def function_descriptions(self) -> dict[str, "FunctionInfo"]:
        """All functions Calc lists in the Function Wizard, by display name."""
        fd = self.service("com.sun.star.sheet.FunctionDescriptions")
        out = {}
        for i in range(fd.getCount()):
            p = {pv.Name: pv.Value for pv in fd.getByIndex(i)}
            args = tuple(ArgInfo(a.Name, a.Description, bool(a.IsOptional))
                         for a in (p.get("Arguments") or ()))
            out[p["Name"]] = FunctionInfo(p["Name"], p.get("Description", ""),
                                          int(p.get("Category", -1)), int(p.get("Id", -1)), args)
        return out


@dataclass(frozen=True)
class ArgInfo:
    name: str
    description: str
    optional: bool


@dataclass(frozen=True)
class FunctionInfo:
    name: str
    description: str
    category: int
    id: int
    arguments: tuple[ArgInfo, ...]


@dataclass(frozen=True)
class CellValue:
    value: float
    string: str
    error: int          # 0, or Calc's FormulaError code (502, 504, 519, ...)
    formula: str
    type: str           # EMPTY, VALUE, TEXT, FORMULA

    def shown(self) -> str:
        if self.error:
            code = f"Err:{self.error}"
            return code + (f" ({self.string})" if self.string and self.string != code else "")
        return self.string if self.string else repr(self.value)


# ---- cell helpers ------------------------------------------------------------------------
def props(**kw):
    out = []
    for k, v in kw.items():
        pv = PropertyValue()
        pv.Name, pv.Value = k, v
        out.append(pv)
    return tuple(out)


def sheet(doc, which):
    sheets = doc.getSheets()
    return sheets.getByIndex(which) if isinstance(which, int) else sheets.getByName(which)


def cell(doc, which_sheet, address: str):
    return sheet(doc, which_sheet).getCellRangeByName(address)


def read(c) -> CellValue:
    t = c.getType().value
    err = c.getError()
    return CellValue(value=c.getValue(), string=c.getString(), error=int(err),
                     formula=c.getFormula(), type=t)


def set_formula(c, formula: str) -> None:
    """English function names, ';' or ',' as Calc's API grammar accepts ('=A1;B1' form)."""
    c.setFormula(formula)


def set_formula_local(c, formula: str) -> None:
    """The formula as a user types it in the UI language (Dutch names in a Dutch UI)."""
    c.setPropertyValue("FormulaLocal", formula)


def set_array_formula(doc, which_sheet, range_address: str, formula: str) -> None:
    sheet(doc, which_sheet).getCellRangeByName(range_address).setArrayFormula(formula)


def close(doc) -> None:
    try:
        doc.close(True)
    except Exception:
        doc.dispose()
