import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { useState, type ReactElement } from "react";
import type { FieldData, FieldValue } from "../../src/domain/plan-data";
import {
  FieldControl,
  type FieldControlProps,
} from "../../src/taskpane/components/FieldControl/FieldControl";

export function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

export function field(partial: Partial<FieldData> & Pick<FieldData, "type">): FieldData {
  return { id: "f", label: "Field", required: true, value: "", ...partial };
}

/** A field control holding its own value, as the pane does; `changes` records every value. */
export function renderField(
  props: Omit<FieldControlProps, "onChange"> & { changes?: FieldValue[] },
) {
  const { changes = [], ...rest } = props;
  function Holder() {
    const [value, setValue] = useState<FieldValue>(rest.field.value);
    return (
      <FieldControl
        {...rest}
        field={{ ...rest.field, value }}
        onChange={(v) => {
          changes.push(v);
          setValue(v);
        }}
      />
    );
  }
  return { ...renderInFluent(<Holder />), changes };
}
