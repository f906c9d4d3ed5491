// Every page is prerendered into static files; URLs end in a slash so any static host serves them.
export const prerender = true;
export const trailingSlash = 'always';
