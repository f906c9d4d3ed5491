// The essay pages' only script at load (the pages are static HTML with `csr = false`; see
// controller.ts). The build emits it as an entry of its own (vite.config.ts, essayClient) and the
// page ends with a <script type="module"> for it (Essay.svelte).
import { startEssay } from './controller';
import { readData } from './data';

const { essay, initialStep } = readData(document);
startEssay(document, essay, initialStep);
