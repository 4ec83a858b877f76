/**
 * The knowledge base: manuals and articles of a school or of the whole group, for teachers or for the ICT team,
 * searched by everybody and suggested while somebody reports a problem. Bodies are Markdown or plain text and are
 * rendered without any raw HTML. Public surface: {@link be.spil.knowledge.Articles}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "school", "audit", "inventory"})
package be.spil.knowledge;
