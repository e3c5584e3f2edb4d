"""The desktop host's module loader: files on disk, node_modules, JSON modules.

It answers HostLoadImportedModule for modules and scripts running on a desktop
machine: a relative or absolute specifier names a file relative to the importing
file; a bare specifier names a package found by walking up through ``node_modules``
directories (its package.json ``exports`` with the conditions in ``CONDITIONS``, else
``module``, else ``main``, else ``index.js``). ``with { type: "json" }`` loads a JSON
module, ``with { type: "text" }`` a module whose default export is the file's text.
``virtual`` maps specifiers to source text not on disk (test262's ``<module source>``).
Every module is loaded once per (resolved path, type): the module map. A Compartment
will put its own host (its hooks and module map) in this place.
"""

from __future__ import annotations

import os

from compiler.errors import JSSyntaxError

from .modules import ModuleRecord, SourceTextModule, SyntheticModule
from .objects import JSError

CONDITIONS = ("import", "module", "default")  # package.json `exports` conditions we match


TYPE_CHECKING = False
if TYPE_CHECKING:
    from compiler.module import ModuleRequest


def to_utf16(text: str) -> str:
    from compiler.literals import to_utf16

    return to_utf16(text)


def compile_module(text: str, filename: str):
    """The compiler's module front end, loaded when a module is first compiled."""
    from compiler.module import compile_module

    return compile_module(text, filename)


class FileModuleHost:
    """Loads modules from the file system for one Global."""

    def __init__(self, machine, g):
        self.machine = machine
        self.global_env = g
        self.module_map: dict[tuple[str, str], ModuleRecord] = {}
        self.virtual: dict[str, str] = {}  # specifier -> source text of a module not on disk

    # -- the host hook --------------------------------------------------------------

    def load_imported_module(self, referrer, request: ModuleRequest, finish) -> None:
        kind = request.attribute("type") or "javascript"
        if kind not in ("json", "javascript", "text"):
            raise JSError("TypeError", f"Import attribute \"type\" with value \"{kind}\" is "
                                       "not supported")
        if request.specifier in self.virtual:
            path = request.specifier
            if (path, kind) not in self.module_map:
                self.module_map[(path, kind)] = self.source_module(self.virtual[path], path)
        else:
            path = self.resolve(request.specifier, referrer.filename)
        record = self.module_map.get((path, kind))
        if record is None:
            if path.endswith(".json") and kind != "json":
                raise JSError("TypeError", f"Module \"{path}\" needs an import attribute of "
                                           "\"type: json\"")
            text = self.read(path, referrer.filename)
            if kind == "json":
                record = self.json_module(text, path)
            elif kind == "text":  # the import-text proposal: the file's text as default
                record = SyntheticModule(path, self, self.global_env,
                                         {"default": to_utf16(text)})
                self.module_map[(path, kind)] = record
            else:
                record = self.source_module(text, path)
            record.specifier = request.specifier
        finish(record, None)

    def import_meta_properties(self, module: ModuleRecord) -> list[tuple[str, object]]:
        """HostGetImportMetaProperties: what node puts on import.meta for a file."""
        realm = self.machine.realm
        path = module.filename
        props: list[tuple[str, object]] = [
            ("dirname", to_utf16(os.path.dirname(path))),
            ("filename", to_utf16(path)),
        ]

        def resolve(this, args):
            from .convert import to_string

            spec = to_string(args[0]) if args else "undefined"
            return to_utf16(file_url(self.resolve(spec, path, must_exist=False)))

        props.append(("resolve", realm.native("resolve", resolve, 1)))
        props.append(("url", to_utf16(file_url(path))))
        return props

    # -- making records ---------------------------------------------------------------

    def source_module(self, text: str, path: str) -> SourceTextModule:
        """ParseModule of a file's text (a SyntaxError names the file and position)."""
        try:
            compiled = compile_module(text, path)
        except JSSyntaxError as err:
            raise JSError("SyntaxError", f"{err.message} ({path}:{err.line}:{err.column})") \
                from None
        return self.add(SourceTextModule(compiled, path, self, self.global_env))

    def entry_module(self, text: str, filename: str) -> SourceTextModule:
        """The program's first module (a SyntaxError is raised as JSSyntaxError)."""
        path = os.path.abspath(filename)
        record = self.module_map.get((path, "javascript"))
        if record is None:
            record = self.add(SourceTextModule(compile_module(text, filename), path, self,
                                               self.global_env))
        return record

    def json_module(self, text: str, path: str) -> SyntheticModule:
        from .builtins.json import parse_json_text

        try:
            value = parse_json_text(self.machine.realm, to_utf16(text))
        except JSError as err:
            raise JSError("SyntaxError", f"{err.message} (in JSON module {path})") from None
        record = SyntheticModule(path, self, self.global_env, {"default": value})
        self.module_map[(path, "json")] = record
        return record

    def add(self, record: SourceTextModule) -> SourceTextModule:
        self.module_map[(record.filename, "javascript")] = record
        return record

    def read(self, path: str, referrer: str | None) -> str:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as err:
            raise JSError("Error", f"Cannot read module '{path}': {err.strerror}") from None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise JSError("SyntaxError", f"Module '{path}' is not valid UTF-8") from None

    # -- resolution -------------------------------------------------------------------

    def resolve(self, specifier: str, referrer: str | None, must_exist: bool = True) -> str:
        """The absolute path a specifier names, seen from the file ``referrer``."""
        base = os.path.dirname(referrer) if referrer else os.getcwd()
        where = f" imported from {referrer}" if referrer else ""
        if specifier.startswith("file:"):
            from urllib.parse import unquote, urlparse  # rarely used: not at start-up

            path = unquote(urlparse(specifier).path)
        elif specifier.startswith(("./", "../", "/")) or specifier in (".", ".."):
            path = os.path.normpath(os.path.join(base, specifier))
        else:
            path = self.resolve_package(specifier, base, where)
        if must_exist and not os.path.isfile(path):
            raise JSError("Error", f"Cannot find module '{path}'{where}")
        return path

    def resolve_package(self, specifier: str, base: str, where: str) -> str:
        parts = specifier.split("/")
        if specifier.startswith("@") and len(parts) > 1:
            name, rest = "/".join(parts[:2]), parts[2:]
        else:
            name, rest = parts[0], parts[1:]
        subpath = "./" + "/".join(rest) if rest else "."
        d = os.path.abspath(base)
        while True:
            pkg = os.path.join(d, "node_modules", name)
            if os.path.isdir(pkg):
                return self.package_entry(pkg, subpath, specifier, where)
            parent = os.path.dirname(d)
            if parent == d:
                raise JSError("Error", f"Cannot find package '{name}'{where}")
            d = parent

    def package_entry(self, pkg: str, subpath: str, specifier: str, where: str) -> str:
        import json  # only to resolve packages: start-up matters

        manifest = {}
        try:
            with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
                manifest = json.load(f)
        except (OSError, ValueError):
            pass
        exports = manifest.get("exports") if isinstance(manifest, dict) else None
        if exports is not None:
            target = exports_target(exports, subpath)
            if target is None:
                raise JSError("Error", f"Package subpath '{subpath}' is not defined by "
                                       f"\"exports\" in {pkg}/package.json{where}")
            return os.path.normpath(os.path.join(pkg, target))
        if subpath != ".":
            return os.path.normpath(os.path.join(pkg, subpath))
        for field in ("module", "main"):
            entry = manifest.get(field) if isinstance(manifest, dict) else None
            if isinstance(entry, str):
                path = os.path.normpath(os.path.join(pkg, entry))
                for candidate in (path, path + ".js", os.path.join(path, "index.js")):
                    if os.path.isfile(candidate):
                        return candidate
        return os.path.join(pkg, "index.js")


def exports_target(exports, subpath: str) -> str | None:
    """PACKAGE_EXPORTS_RESOLVE: the relative target ``subpath`` maps to, or None."""
    if isinstance(exports, (str, list)) or (
            isinstance(exports, dict) and not any(k.startswith(".") for k in exports)):
        exports = {".": exports}
    if not isinstance(exports, dict):
        return None
    if subpath in exports and "*" not in subpath:
        return _conditional(exports[subpath], "")
    best = None
    for key in exports:
        star = key.find("*")
        if star < 0:
            continue
        prefix, suffix = key[:star], key[star + 1:]
        if subpath.startswith(prefix) and subpath.endswith(suffix) and \
                len(subpath) >= len(key) - 1:
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, key, subpath[len(prefix):len(subpath) - len(suffix)])
    if best is not None:
        return _conditional(exports[best[1]], best[2])
    return None


def _conditional(target, match: str) -> str | None:
    if isinstance(target, str):
        return target.replace("*", match) if target.startswith("./") else None
    if isinstance(target, list):
        for t in target:
            found = _conditional(t, match)
            if found is not None:
                return found
        return None
    if isinstance(target, dict):
        for key, value in target.items():
            if key in CONDITIONS:
                found = _conditional(value, match)
                if found is not None:
                    return found
    return None


def file_url(path: str) -> str:
    from urllib.parse import quote

    return "file://" + quote(path)
