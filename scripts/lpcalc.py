"""A real, throwaway, headless LibreOffice Calc for LeadPlan's demo and end-to-end tests.

Run with Debian's /usr/bin/python3 (it has python3-uno). Typical use:

    with lpcalc.Office(oxt="build/packaging/leadplan.oxt", locale="en-US") as office:
        doc = office.new_calc()
        lpcalc.set_formula(lpcalc.cell(doc, 0, "A1"), "=PROACTIVELEADS(1000000;20000;30;0.2;60)")
        office.calculate_all(doc)
        print(lpcalc.read(lpcalc.cell(doc, 0, "A1")))

One profile for several sessions, with unopkg in between (install, remove, upgrade):

    with lpcalc.Profile(locale="en-US") as profile:
        profile.add("build/packaging/leadplan.oxt")
        with lpcalc.Office(profile=profile) as office:
            ...
        profile.remove(lpcalc.extension_identity("build/packaging/leadplan.oxt")[0])
        print(profile.list().output)

Everything soffice touches lives in one temporary folder (profile, shared extension
cache, HOME, XDG_*, TMPDIR): LibreOffice writes outside its profile too, and a profile
left behind by a dead soffice makes the next start hand over silently to the corpse.
soffice runs in its own process group, which is ended by its id in every path (normal
exit, exception, Ctrl+C, SIGTERM, watchdog), so no soffice outlives the harness.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

# python3-uno lives in Debian's dist-packages; another python3 (a venv, /usr/local)
# may not see it, so make the failure say what to do.
try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.sheet.CellFlags import FORMULA as _FORMULA_CELLS
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


class _SigtermAsExit:
    """While held, SIGTERM (ctest timeout, CI cancel) raises SystemExit, so the finally
    blocks that end soffice/unopkg and remove the folder run. Nests: each holder puts
    back what it found."""

    def __init__(self) -> None:
        self._old = None

    def hold(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return

        def on_term(signum, frame):
            raise SystemExit(128 + signum)

        self._old = signal.signal(signal.SIGTERM, on_term)

    def release(self) -> None:
        if self._old is not None:
            signal.signal(signal.SIGTERM, self._old)
            self._old = None


class Unopkg(NamedTuple):
    returncode: int
    output: str        # unopkg's stdout and stderr of this one call


class Profile:
    """A throwaway LibreOffice installation: one temporary folder with the user profile,
    the shared extension cache, HOME, XDG_* and TMPDIR. Use as a context manager; it
    outlives the soffice sessions started on it (Office(profile=...)), so extensions can
    be added and removed with unopkg between them. On exit the folder is removed.

    locale:          UI and setup locale of the profile ("en-US", "nl-NL").
    unopkg_timeout:  seconds each unopkg call may take; past it unopkg is ended and
                     OfficeError raised.
    keep:            keep the folder for inspection.
    """

    def __init__(self, locale: str = "en-US", unopkg_timeout: float = 120.0,
                 keep: bool = False, prefix: str = "leadplan-e2e-"):
        self.locale = locale
        self.unopkg_timeout = unopkg_timeout
        self.keep = keep
        self.prefix = prefix
        self.folder: Path | None = None
        self._sigterm = _SigtermAsExit()
        self._calls = itertools.count(1)

    def __enter__(self) -> "Profile":
        self.folder = Path(tempfile.mkdtemp(prefix=self.prefix))
        try:
            self._sigterm.hold()
            for sub in ("profile/user", "shared/cache", "home", "cache", "config", "data", "tmp"):
                (self.folder / sub).mkdir(parents=True, exist_ok=True)
            (self.folder / "profile" / "user" / "registrymodifications.xcu").write_text(
                _registry_xcu(self.locale), encoding="utf-8")
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self.folder and not self.keep:
                # A second pass catches files a dying process wrote during the first.
                for _ in range(3):
                    shutil.rmtree(self.folder, ignore_errors=True)
                    if not self.folder.exists():
                        break
                    time.sleep(0.5)
            elif self.folder:
                print(f"lpcalc: kept {self.folder}", file=sys.stderr)
        finally:
            self._sigterm.release()

    def _folder(self) -> Path:
        if self.folder is None:
            raise OfficeError("lpcalc.Profile is used outside its `with` block")
        return self.folder

    def env_options(self) -> list[str]:
        """The -env: options that point soffice and unopkg at this profile only."""
        folder = self._folder()
        return [f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                f"-env:UNO_SHARED_PACKAGES_CACHE={(folder / 'shared' / 'cache').as_uri()}"]

    def environment(self) -> dict:
        """The process environment for soffice and unopkg: LibreOffice writes outside its
        profile too (HOME, XDG_*, TMPDIR), so those point into the folder as well."""
        folder = self._folder()
        env = dict(os.environ)
        env.update(HOME=str(folder / "home"), XDG_CACHE_HOME=str(folder / "cache"),
                   XDG_CONFIG_HOME=str(folder / "config"),
                   XDG_DATA_HOME=str(folder / "data"), TMPDIR=str(folder / "tmp"))
        # The profile decides the language; a stray LANGUAGE/LC_ALL must not.
        for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            env.pop(var, None)
        env["LANG"] = "C.UTF-8"
        env.pop("SAL_USE_VCLPLUGIN", None)
        return env

    # ---- unopkg ------------------------------------------------------------------------
    def unopkg(self, command: str, *args: str, check: bool = False) -> Unopkg:
        """`unopkg <command> --shared <args>` on this profile, bounded by unopkg_timeout.

        --shared: as root a user install is refused; the shared cache is this folder's.
        check:    raise OfficeError when unopkg exits non-zero.
        """
        log = self._folder() / f"unopkg-{next(self._calls)}.log"
        cmd = [str(UNOPKG), command, "--shared", *self.env_options(), *args]
        rc = _run_bounded(cmd, self.environment(), self.unopkg_timeout, log)
        result = Unopkg(rc, log.read_text(errors="replace"))
        if check and rc != 0:
            raise OfficeError(f"unopkg {command} failed ({rc}):\n{result.output}")
        return result

    def add(self, oxt: str | os.PathLike, check: bool = True) -> Unopkg:
        """unopkg add: install oxt, or upgrade the installed version to it."""
        oxt = Path(oxt).resolve()
        if not oxt.is_file():
            raise OfficeError(f"no such extension: {oxt}")
        # -s: the license would otherwise be asked on standard input, which CI lacks.
        return self.unopkg("add", "-s", str(oxt), check=check)

    def remove(self, identifier: str, check: bool = True) -> Unopkg:
        return self.unopkg("remove", identifier, check=check)

    def list(self) -> Unopkg:
        return self.unopkg("list", check=True)


def extension_identity(oxt: str | os.PathLike) -> tuple[str, str]:
    """(identifier, version) from an .oxt's description.xml: what `unopkg remove` and
    `unopkg list` name it by."""
    with zipfile.ZipFile(oxt) as z:
        xml = z.read("description.xml").decode("utf-8")
    ident = re.search(r'<identifier\s+value="([^"]+)"', xml)
    version = re.search(r'<version\s+value="([^"]+)"', xml)
    if not ident or not version:
        raise OfficeError(f"{oxt}: description.xml names no identifier or version")
    return ident.group(1), version.group(1)


class Office:
    """A headless soffice session; use as a context manager.

    profile:  an entered Profile to run on; it outlives this session. Without one, the
              session makes its own Profile (locale, keep) and removes it on exit.
    oxt:      an .oxt to install (shared, into the profile only) before the start.
    locale:   UI and setup locale of the session's own profile ("en-US", "nl-NL").
    timeout:  seconds the whole session may take; past it a watchdog ends soffice, so a
              hung bridge call fails instead of hanging the test run.
    keep:     keep the session's own profile folder for inspection (soffice is ended anyway).
    """

    def __init__(self, oxt: str | os.PathLike | None = None, locale: str | None = None,
                 timeout: float = 240.0, start_timeout: float = 60.0,
                 install_timeout: float = 120.0, keep: bool = False, verbose: bool = False,
                 profile: Profile | None = None):
        if profile is not None and (locale is not None or keep):
            raise ValueError("locale and keep belong to the Profile given")
        self.oxt = Path(oxt).resolve() if oxt else None
        self.locale = profile.locale if profile else (locale or "en-US")
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.install_timeout = install_timeout
        self.keep = keep
        self.verbose = verbose
        self.profile = profile
        self._own_profile: Profile | None = None
        self.folder: Path | None = None
        self.proc: subprocess.Popen | None = None
        self.ctx = None
        self.smgr = None
        self.desktop = None
        self._watchdog: threading.Timer | None = None
        self._sigterm = _SigtermAsExit()
        self._timed_out = False

    def log(self) -> str:
        try:
            return (self.folder / "soffice.log").read_text(errors="replace")  # type: ignore[operator]
        except (OSError, TypeError):
            return ""

    # ---- lifecycle ---------------------------------------------------------------------
    def __enter__(self) -> "Office":
        try:
            self._sigterm.hold()
            if self.profile is None:
                self._own_profile = Profile(self.locale, self.install_timeout, self.keep)
                self.profile = self._own_profile.__enter__()
            self.folder = self.profile._folder()
            if self.oxt:
                self.profile.add(self.oxt)
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
                self._watchdog = None
            try:
                if self._own_profile is not None:
                    self._own_profile.__exit__(*exc)
                    self._own_profile = self.profile = None
            finally:
                self._sigterm.release()

    def _start(self) -> None:
        pipe = f"leadplan_e2e_{os.getpid()}_{uuid.uuid4().hex[:12]}"
        cmd = [str(SOFFICE), "--headless", "--norestore", "--nologo", "--nodefault",
               "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
               *self.profile.env_options()]  # type: ignore[union-attr]
        logf = open(self.folder / "soffice.log", "ab")  # type: ignore[operator]
        try:
            env = self.profile.environment()  # type: ignore[union-attr]
            self.proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL,
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

    def version(self) -> tuple[int, int]:
        """The running LibreOffice's major and minor version, (7, 4) or (25, 2), from its
        configuration (/org.openoffice.Setup/Product/ooSetupVersion): tests whose
        expectation differs between versions ask the office under test, not the host."""
        provider = self.service("com.sun.star.configuration.ConfigurationProvider")
        product = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Setup/Product"))
        text = product.getByName("ooSetupVersion")
        m = re.match(r"(\d+)\.(\d+)", text)
        if not m:
            raise OfficeError(f"cannot read LibreOffice's version from ooSetupVersion {text!r}")
        return int(m.group(1)), int(m.group(2))


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


def formula_cells(doc):
    """(sheet, cell) for every formula cell of every sheet, sheet by sheet."""
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        for a in sh.queryContentCells(_FORMULA_CELLS).RangeAddresses:
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    yield sh, sh.getCellByPosition(c, r)


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
