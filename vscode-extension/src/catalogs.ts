// Which catalog the language server builds when a workspace holds several: asked once, then
// remembered per workspace. No `vscode` import: unit-tested under plain Node.
import type { CatalogsResult, FoundCatalog } from "./protocol";

export type CatalogDecision =
  /** Nothing to ask: one catalog, the `storyville.package` setting, or the remembered one. */
  | { kind: "keep" }
  /** Several catalogs and none chosen yet: the quick pick. */
  | { kind: "ask" }
  /** The remembered catalog is not the one built: restart with it. */
  | { kind: "switch"; package: string }
  /** The remembered catalog is gone: forget it (and ask, when several remain). */
  | { kind: "forget"; ask: boolean };

export interface CatalogInputs {
  /** The `storyville.package` setting (it wins over any pick). */
  setting?: string | undefined;
  /** The package picked earlier in this workspace. */
  remembered?: string | undefined;
  found: CatalogsResult;
}

export function catalogDecision(inputs: CatalogInputs): CatalogDecision {
  if (inputs.setting?.trim()) return { kind: "keep" };
  const packages = inputs.found.catalogs.map((c) => c.package);
  const remembered = inputs.remembered?.trim();
  if (remembered) {
    if (!packages.includes(remembered)) return { kind: "forget", ask: packages.length > 1 };
    return inputs.found.active === remembered ? { kind: "keep" } : { kind: "switch", package: remembered };
  }
  return packages.length > 1 ? { kind: "ask" } : { kind: "keep" };
}

export interface CatalogItem {
  label: string;
  description: string;
  package: string;
}

/** The quick pick's rows: each catalog with where it imports from, the one built first. */
export function catalogItems(found: CatalogsResult, relative: (path: string) => string): CatalogItem[] {
  const rank = (c: FoundCatalog): number => (c.package === found.active ? 0 : 1);
  return [...found.catalogs]
    .sort((a, b) => rank(a) - rank(b))
    .map((c) => ({
      label: c.package,
      description: `${relative(c.root) || "."}${c.package === found.active ? " · building now" : ""}`,
      package: c.package,
    }));
}

/** How the status item names the catalog: only when the workspace holds more than one. */
export function catalogLabel(found: CatalogsResult | undefined): string | undefined {
  return found && found.catalogs.length > 1 && found.active ? found.active : undefined;
}
