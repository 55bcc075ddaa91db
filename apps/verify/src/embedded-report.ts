import { REPORT_DATA_ELEMENT_ID } from '@nrm/application/audit/report/html-text';
import { UnreadableBundleError } from './bundle-shape';

const BLOCK = new RegExp(
  `<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">([\\s\\S]*?)</script>`,
  'g',
);

/**
 * The signed data an HTML integrity report embeds, as JSON text; undefined when the text holds no such
 * block (it is not an integrity report). More than one block is refused: which one would the reader see?
 */
export function embeddedReportJson(html: string, file: string): string | undefined {
  const blocks = [...html.matchAll(BLOCK)];
  if (blocks.length === 0) return undefined;
  if (blocks.length > 1) {
    throw new UnreadableBundleError(`${file} embeds ${blocks.length} integrity reports: expected one`);
  }
  return blocks[0][1];
}
