// What a try-it is given: shared by the lazy shell (TryIt), the live component and the prerenderer.
import type { ChapterInfo } from '../essay.ts';
import type { ToyModel } from '../model/types.ts';

/** Props of TryIt and TryItLive. */
export interface TryItProps {
	/** The chapter whose sentence, head and mask the try-it starts from. */
	chapter: ChapterInfo;
	model: ToyModel;
	/** The embed page: the heading is the page's h1 and the state lives at the embed's own URL. */
	embed?: boolean;
}
