package dev.weft.analyzer.findings;

/**
 * A file that could not be analysed (does not parse, cannot be read, is not UTF-8, …). The rest of
 * the tree is still analysed.
 */
public record FileProblem(String file, int line, String message) {}
