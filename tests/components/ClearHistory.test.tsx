/** @jest-environment jsdom */
import "./jsdom-globals";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryDocument } from "../../src/adapters/memory/memory-document.adapter";
import { fillDocx } from "../../src/adapters/docx/docx-writer";
import { PlanSession } from "../../src/app/plan-session";
import { ok } from "../../src/domain/result";
import { App } from "../../src/taskpane/App/App";
import { domainServices } from "../../src/taskpane/domain-services";
import { templateBytes } from "../helpers/fixtures";
import { customXmlItems } from "../helpers/record-parts";
import { plannedFillOf } from "../writeback/planned-fill";
import { must, now, setFields } from "../writeback/helpers";
import { renderInFluent } from "./render";

jest.setTimeout(60_000);

/** The pane on a DDTT plan filled once (the file holds the record of that fill). */
function filledPane(capabilities?: { revert: boolean }) {
  const bytes = templateBytes("ddtt-action-plan");
  const { plan } = plannedFillOf(
    bytes,
    setFields({ "plan-header.district-school-name": "Springfield" }),
  );
  const filled = must(fillDocx(bytes, plan, { label: "Section plan-header", now })).bytes;
  const doc = must(MemoryDocument.fromDocx(filled));
  const session = new PlanSession({
    document: doc,
    services: { ...domainServices(), blankTemplate: async () => ok(bytes) },
  });
  const caps = () => ({ ...doc.capabilities(), ...capabilities });
  renderInFluent(<App session={session} capabilities={caps} />);
  return doc;
}

describe("clearing the fill history from the pane", () => {
  it("asks first, saying what the record holds and that revert will no longer be possible", async () => {
    const doc = filledPane();
    await screen.findByRole("heading", { name: "DDTT Action Plan" }, { timeout: 15_000 });
    await userEvent.click(screen.getByRole("button", { name: "Clear fill history" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Clear the fill history?" });
    expect(dialog.textContent).toMatch(/what each cell held before the fill/);
    expect(dialog.textContent).toMatch(/Revert last fill will no longer be possible/);
    // Kept: nothing happens.
    await userEvent.click(within(dialog).getByRole("button", { name: "Keep it" }));
    expect(doc.clears).toBe(0);
    expect(customXmlItems(doc.bytes!)).toHaveLength(1);

    await userEvent.click(screen.getByRole("button", { name: "Clear fill history" }));
    const again = await screen.findByRole("alertdialog");
    await userEvent.click(within(again).getByRole("button", { name: "Clear fill history" }));
    expect(await screen.findByText("Fill history cleared")).toBeTruthy();
    expect(
      screen.getAllByText(/The record of 1 fill and the earlier cell contents/).length,
    ).toBeGreaterThan(0);
    expect(doc.clears).toBe(1);
    expect(customXmlItems(doc.bytes!)).toEqual([]);
    expect(must(await doc.lastFill())).toBeUndefined();
  });

  it("is not offered where the host keeps no record of fills (WordApi 1.3)", async () => {
    filledPane({ revert: false });
    await screen.findByRole("heading", { name: "DDTT Action Plan" }, { timeout: 15_000 });
    expect(screen.queryByRole("button", { name: "Clear fill history" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Revert last fill" })).toBeNull();
  });
});
