/** jsdom leaves out TextEncoder/TextDecoder, which the .docx reader uses: take Node's. */
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as { TextDecoder?: unknown; TextEncoder?: unknown };
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
