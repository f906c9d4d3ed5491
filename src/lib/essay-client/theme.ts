// The light/dark switches of the essay's page (ThemeToggle.svelte is their markup). app.html has
// already applied a remembered choice before the first paint; the switches show the theme in use
// and change it, all of them together.

export type Theme = 'light' | 'dark';

/** The theme in use: the reader's choice if any (html[data-theme]), else the system's. */
export function currentTheme(): Theme {
	const set = document.documentElement.dataset.theme;
	if (set === 'light' || set === 'dark') return set;
	return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Show `theme` on a switch: pressed in dark mode, with a moon (sun in light mode). */
export function showTheme(button: HTMLElement, theme: Theme): void {
	button.setAttribute('aria-pressed', String(theme === 'dark'));
	const icon = button.querySelector('[aria-hidden="true"]');
	if (icon) icon.textContent = theme === 'dark' ? '☾' : '☀';
}

/**
 * Wire every `.theme-toggle` under `root`: each shows the theme in use and switches it, and the
 * choice is remembered. Returns a function that unwires them.
 */
export function wireThemeToggles(root: ParentNode): () => void {
	const buttons = [...root.querySelectorAll<HTMLElement>('.theme-toggle')];
	const showAll = () => buttons.forEach((b) => showTheme(b, currentTheme()));
	const toggle = () => {
		const theme: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
		document.documentElement.dataset.theme = theme;
		try {
			localStorage.setItem('theme', theme);
		} catch {
			// Storage may be unavailable (private mode); the choice then lasts for this page only.
		}
		showAll();
	};
	// The system's scheme changing shows on the switches too, until the reader has chosen.
	const system = matchMedia('(prefers-color-scheme: dark)');
	showAll();
	buttons.forEach((b) => b.addEventListener('click', toggle));
	system.addEventListener('change', showAll);
	return () => {
		buttons.forEach((b) => b.removeEventListener('click', toggle));
		system.removeEventListener('change', showAll);
	};
}
