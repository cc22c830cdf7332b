// Each module's bytes in the wasm, for `make bench`: twiggy's `top` of a release build before
// wasm-bindgen and wasm-opt (cargo's output keeps the function names), grouped by module path.
//
// `make bench` builds that wasm with v0 symbol mangling (`-Csymbol-mangling-version=v0`, stable;
// the code is the same, only the names differ), whose names carry the type parameters: a
// Leptos memo, effect or element instantiated for one of our closures or types is then named
// after it (`<ArcMemo<..>>::new_with_compare::<aclf_screen::ui::scores::__component_scores::
// {closure#1}>`). Such generic code is counted under the last of our modules that its name
// mentions - the closure or type it was instantiated for - rather than under tachys,
// reactive_graph or core, which only define it. Code that names none of ours stays with its
// crate. With the legacy names (no type parameters) the same build put 44 % of the bytes under
// tachys, reactive_graph and core.
//
//   node tools/wasm-modules.mjs <file.wasm>      prints the groups
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
export const DATA = 'data (texts of both languages, protocol, name tables)';

/** Our module paths from the source tree (`clinical::form`, `ui`, `form_fields`, ...), longest
 *  first, so that a name is counted under the most specific module that holds it. */
function ourModules(dir = SRC) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...ourModules(path));
    else if (entry.name.endsWith('.rs') && !['lib.rs', 'main.rs'].includes(entry.name)) {
      const module = relative(SRC, path).replace(/\.rs$/, '').replace(/\/mod$/, '').split('/').join('::');
      found.push(module);
    }
  }
  return found.sort((a, b) => b.length - a.length);
}

/** The group of one twiggy item name. */
export function groupOf(rawName, modules) {
  if (/^data segment/.test(rawName)) return DATA;
  const name = rawName.replace(/\[[0-9a-f]+\]/g, '');
  const ours = [...name.matchAll(/aclf_screen::([A-Za-z0-9_:]*)/g)];
  if (ours.length > 0) {
    const path = ours[ours.length - 1][1];
    const module = modules.find((m) => path === m || path.startsWith(`${m}::`));
    return module ? `aclf_screen::${module}` : 'aclf_screen';
  }
  // `<T as trait>::f`: the trait's crate when T is not a path (`<str as core::fmt::Debug>`,
  // `<_ as tachys::..::IntoAny>`); methods of primitive types are core's.
  const impl = name.match(/^<&?(?:mut )?([^:]*?) as ([a-z_][a-z0-9_]*)::/);
  if (impl) return impl[2];
  if (/^<&?(?:mut )?(?:char|str|bool|[iu](?:8|16|32|64|128|size)|f32|f64|\[.*\])>::/.test(name)) return 'core';
  // wasm-bindgen's generated exports and glue (streams, externref table, JS promise integration).
  if (/^(?:__wbg_|__wbindgen_|__externref_|intounderlying)/.test(name)) return 'wasm_bindgen';
  if (name === 'main') return 'aclf_screen';
  const crate = name.replace(/^[<&*\s(]+/, '').replace(/^(dyn|impl|mut|const)\s+/, '').split('::')[0];
  return /^[a-z_][a-z0-9_]*$/.test(crate) && name.includes('::') ? crate : '(other: tables, types, imports)';
}

/** { groups: Map(group -> bytes), total } of `file`, or null without the file; throws without
 *  twiggy. wasm-bindgen's `describe` functions, which only tell the CLI the bindings and are
 *  removed from the shipped wasm, and the custom sections are left out. */
export function moduleGroups(file) {
  if (!file || !existsSync(file)) return null;
  const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const modules = ourModules();
  const groups = new Map();
  let total = 0;
  for (const line of csv.split('\n').slice(1)) {
    const m = line.match(/^"?(.*?)"?,(\d+),/);
    if (!m) continue;
    if (/describe|__wbindgen_describe|^custom section|subsection/.test(m[1])) continue;
    const bytes = Number(m[2]);
    total += bytes;
    const key = groupOf(m[1], modules);
    groups.set(key, (groups.get(key) ?? 0) + bytes);
  }
  return { groups, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const g = moduleGroups(process.argv[2]);
  if (!g) throw new Error(`no such file: ${process.argv[2]}`);
  for (const [k, v] of [...g.groups].sort((a, b) => b[1] - a[1])) console.log(`${String(v).padStart(8)} ${(100 * v / g.total).toFixed(1).padStart(5)} %  ${k}`);
  console.log(`${String(g.total).padStart(8)} in all`);
}
