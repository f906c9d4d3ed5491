// Optional host script: resizes this essay's embedded figures to their content height.
//
// Usage, once per page, after or beside the iframes (the embed dialog's snippet includes it):
//   <iframe src="https://example.org/embed/hot-dog/softmax/" data-attention-embed …></iframe>
//   <script src="https://example.org/embed.js" async></script>
//
// Each embed posts { sentinel: 'amp', type: 'embed-size', height } to its parent whenever its
// height changes. This script sets the height of the iframe that sent it (matched by its window,
// so other iframes are never touched), and asks every embed for its height when it loads.
(function () {
	'use strict';
	if (window.__attentionEmbedResizer) return;
	window.__attentionEmbedResizer = true;

	var script = document.currentScript;
	var home = script && script.src ? new URL('.', script.src).href : null;
	var REQUEST = { sentinel: 'attention-embed', type: 'height-request' };

	/** Our embeds: marked with data-attention-embed, or served from where this script is. */
	function isEmbed(frame) {
		if (frame.hasAttribute('data-attention-embed')) return true;
		return !!home && typeof frame.src === 'string' && frame.src.indexOf(home) === 0;
	}

	function frames() {
		return Array.prototype.filter.call(document.getElementsByTagName('iframe'), isEmbed);
	}

	function ask(frame) {
		try {
			if (frame.contentWindow) frame.contentWindow.postMessage(REQUEST, '*');
		} catch {
			// A frame that has gone away cannot be asked; it will report when it loads.
		}
	}

	window.addEventListener('message', function (event) {
		var data = event.data;
		if (!data || data.sentinel !== 'amp' || data.type !== 'embed-size') return;
		var height = Math.ceil(Number(data.height));
		if (!(height > 0 && height < 20000)) return;
		var list = frames();
		for (var i = 0; i < list.length; i++) {
			if (list[i].contentWindow === event.source) {
				list[i].style.height = height + 'px';
				list[i].setAttribute('height', String(height));
				return;
			}
		}
	});

	// Iframes that loaded before this script ran reported too early: ask them again.
	document.addEventListener(
		'load',
		function (event) {
			var target = event.target;
			if (target && target.tagName === 'IFRAME' && isEmbed(target)) ask(target);
		},
		true
	);
	frames().forEach(ask);
})();
