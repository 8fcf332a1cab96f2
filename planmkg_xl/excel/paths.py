"""Where to write a file next to the open workbook: OneDrive and SharePoint aware (pure).

A workbook synced by OneDrive reports an https URL as its full name; these functions map
it back to the local sync folder, or fall back to the user's Documents folder.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable, Mapping

_ONEDRIVE_PERSONAL = re.compile(r"^https://d\.docs\.live\.net/[^/]+/(.+)$", re.IGNORECASE)
_ONEDRIVE_BUSINESS = re.compile(r"^https://[^/]+-my\.sharepoint\.[^/]+/personal/[^/]+/Documents/(.+)$", re.IGNORECASE)
_SHAREPOINT = re.compile(r"^https?://[^/]+/sites/([^/]+)/([^/]+)/(.+)$", re.IGNORECASE)


def local_path_of(fullname: str, env: Mapping[str, str] | None = None, home: Path | None = None,
                  exists: Callable[[Path], bool] = Path.is_file) -> Path | None:
    """The local file of a workbook whose ``fullname`` may be a OneDrive/SharePoint URL; None if not found.

    The heuristics xlwings documents (utils.fullname_url_to_local_path), without the
    registry: the OneDrive environment variables, the default sync folders on Windows
    and Mac, and the "<site> - Documents" folder of a synced SharePoint library.
    """
    from urllib.parse import unquote

    if "://" not in fullname:
        return Path(fullname)
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    candidates: list[Path] = []

    def roots(*names: str) -> list[Path]:
        return [Path(env[n]) for n in names if env.get(n)]

    m = _ONEDRIVE_PERSONAL.match(fullname)
    if m:
        rest = unquote(m.group(1))
        for root in roots("ONEDRIVE_CONSUMER_WIN", "ONEDRIVE_CONSUMER_MAC", "OneDriveConsumer", "OneDrive") + [
                home / "OneDrive", home / "Library" / "CloudStorage" / "OneDrive-Personal"]:
            candidates.append(root / rest)
    m = _ONEDRIVE_BUSINESS.match(fullname)
    if m:
        rest = unquote(m.group(1))
        business = roots("ONEDRIVE_COMMERCIAL_WIN", "ONEDRIVE_COMMERCIAL_MAC", "OneDriveCommercial", "OneDrive")
        cloud = home / "Library" / "CloudStorage"
        mac = sorted(cloud.glob("OneDrive-*")) if cloud.is_dir() else []
        for root in business + mac:
            candidates.append(root / rest)
    m = _SHAREPOINT.match(fullname)
    if m and not _ONEDRIVE_BUSINESS.match(fullname):
        site, rest = unquote(m.group(1)), unquote(m.group(3))
        tops = roots("SHAREPOINT_WIN", "SHAREPOINT_MAC")
        if env.get("OneDriveCommercial"):
            tops.append(Path(env["OneDriveCommercial"].replace("OneDrive - ", "")))
        for top in tops:
            candidates.append(top / f"{site} - Documents" / rest)
            candidates.append(top / f"{site} - {unquote(m.group(2))}" / rest)
    found = []
    for c in candidates:
        if c not in found and exists(c):
            found.append(c)
    return found[0] if len(found) == 1 else None


def documents_folder(env: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """The user's Documents folder (the OneDrive-redirected one on Windows when it exists), else home."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    for root in [Path(env[n]) / "Documents" for n in ("OneDriveCommercial", "OneDriveConsumer", "OneDrive") if env.get(n)] + [home / "Documents"]:
        if root.is_dir():
            return root
    return home
