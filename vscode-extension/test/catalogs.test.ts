import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { catalogDecision, catalogItems, catalogLabel } from "../src/catalogs";

const two = {
  active: "shop.catalog",
  catalogs: [
    { package: "shop.catalog", root: "/ws/src" },
    { package: "admin.catalog", root: "/ws/admin" },
  ],
};
const one = { active: "shop.catalog", catalogs: [{ package: "shop.catalog", root: "/ws/src" }] };

describe("catalogDecision", () => {
  it("asks when several catalogs and none chosen", () => {
    assert.deepEqual(catalogDecision({ found: two }), { kind: "ask" });
    assert.deepEqual(catalogDecision({ found: one }), { kind: "keep" });
  });
  it("lets the setting win", () => {
    assert.deepEqual(catalogDecision({ setting: "admin.catalog", found: two }), { kind: "keep" });
  });
  it("keeps the remembered one, switches to it when another is built", () => {
    assert.deepEqual(catalogDecision({ remembered: "shop.catalog", found: two }), { kind: "keep" });
    assert.deepEqual(catalogDecision({ remembered: "admin.catalog", found: two }), { kind: "switch", package: "admin.catalog" });
  });
  it("forgets a remembered catalog that is gone", () => {
    assert.deepEqual(catalogDecision({ remembered: "gone.catalog", found: two }), { kind: "forget", ask: true });
    assert.deepEqual(catalogDecision({ remembered: "gone.catalog", found: { active: null, catalogs: [one.catalogs[0]!] } }), { kind: "forget", ask: false });
  });
});

describe("catalogItems and catalogLabel", () => {
  it("lists the built one first, with where each imports from", () => {
    const items = catalogItems({ ...two, active: "admin.catalog" }, (p) => p.replace("/ws/", ""));
    assert.deepEqual(
      items.map((i) => [i.label, i.description]),
      [
        ["admin.catalog", "admin · building now"],
        ["shop.catalog", "src"],
      ],
    );
  });
  it("names the catalog only when there are several", () => {
    assert.equal(catalogLabel(two), "shop.catalog");
    assert.equal(catalogLabel(one), undefined);
    assert.equal(catalogLabel({ ...two, active: null }), undefined);
  });
});
