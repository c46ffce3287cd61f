package dev.weft.analyzer.findings;

/**
 * The iteration space of an accepted loop, as source text the transformer can reuse.
 *
 * <p>Counted loops: {@code for (indexType index = from; index <cmp> to; index += step)} with
 * {@code cmp} one of {@code < <= > >=}. Enhanced loops: {@code for (elementType index : iterable)},
 * with {@code to} empty and {@code enhanced} true.
 */
public record LoopShape(
    boolean enhanced,
    String indexType,
    String index,
    String from,
    String comparison,
    String to,
    String step,
    String iterable) {}
