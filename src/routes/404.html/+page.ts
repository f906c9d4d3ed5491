// The static host's "not found" page, written as build/404.html (hosts serve it for unknown URLs).
export const trailingSlash = 'never';
