"""The running list of checks an end-to-end test prints and the verdict it ends with."""

from __future__ import annotations


class Failures:
    def __init__(self) -> None:
        self.items: list[str] = []

    def check(self, ok: bool, message: str) -> bool:
        print(("ok    " if ok else "FAIL  ") + message, flush=True)
        if not ok:
            self.items.append(message)
        return ok

    def verdict(self, name: str, detail: str = "") -> int:
        """Prints the count and 'NAME passed' or 'NAME FAILED'; returns the exit status."""
        print(f"{name}: {len(self.items)} failed checks{detail}")
        print(f"{name} FAILED" if self.items else f"{name} passed")
        return 1 if self.items else 0
