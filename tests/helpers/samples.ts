/** The sample plans the add-in ships (assets/samples), made from the replicas. */
import { joinedDocx } from "./join-tables";

/** A replica as the sample the add-in ships: the blank template as Word saves it. */
export function sampleOf(replica: Uint8Array): Uint8Array {
  return joinedDocx(replica);
}
