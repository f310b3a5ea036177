import assert from "node:assert/strict";
import { describe, it, mock } from "node:test";
import { debounce } from "../src/debounce";

describe("debounce", () => {
  it("runs once, after the last trigger", () => {
    mock.timers.enable({ apis: ["setTimeout"] });
    try {
      let runs = 0;
      const restart = debounce(() => runs++, 500);
      restart.trigger();
      mock.timers.tick(400);
      restart.trigger();
      mock.timers.tick(400);
      assert.equal(runs, 0);
      assert.ok(restart.pending);
      mock.timers.tick(100);
      assert.equal(runs, 1);
      assert.ok(!restart.pending);
    } finally {
      mock.timers.reset();
    }
  });
  it("can be cancelled", () => {
    mock.timers.enable({ apis: ["setTimeout"] });
    try {
      let runs = 0;
      const restart = debounce(() => runs++, 500);
      restart.trigger();
      restart.cancel();
      mock.timers.tick(1000);
      assert.equal(runs, 0);
    } finally {
      mock.timers.reset();
    }
  });
});
