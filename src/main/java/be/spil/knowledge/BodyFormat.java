package be.spil.knowledge;

/** How an article's body is written: Markdown (rendered without raw HTML) or plain text. */
public enum BodyFormat { MARKDOWN, TEXT }
