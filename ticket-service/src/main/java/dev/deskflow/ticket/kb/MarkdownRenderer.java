package dev.deskflow.ticket.kb;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import org.springframework.stereotype.Component;

/**
 * Article Markdown to HTML that a browser may insert as is. commonmark renders it with
 * raw HTML escaped and unsafe link schemes dropped; OWASP's sanitiser then keeps only
 * formatting, blocks, tables, images and http(s)/mailto links, whatever the renderer let
 * through: two independent layers against script injection from an article body.
 */
@Component
class MarkdownRenderer {

	private static final PolicyFactory POLICY = Sanitizers.BLOCKS.and(Sanitizers.FORMATTING)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.IMAGES)
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "br").toFactory());

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	String toHtml(String markdown) {
		return POLICY.sanitize(this.renderer.render(this.parser.parse(markdown)));
	}

}
