// Shared test utilities for the closing section's views (imported by their specs only).

/** A view's markup without its emphasis bands, which reach past the view's own width. */
export const withoutBands = (markup: string) =>
	markup.replace(/<rect class="sv-emph-band"[^>]*>/g, '');
