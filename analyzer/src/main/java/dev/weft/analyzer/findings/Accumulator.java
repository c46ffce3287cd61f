package dev.weft.analyzer.findings;

/**
 * A variable the rewrite must privatise per task and merge in index order at join.
 *
 * @param variable the source name ({@code sum}, {@code hist}, {@code out})
 * @param type the declared type as written in source ({@code long}, {@code int[]},
 *     {@code StringBuilder}, {@code Map<String, Integer>})
 * @param shape how it is privatised
 * @param operator the combining operator: {@code + * & | ^ && || min max} for scalars and arrays,
 *     {@code BigInteger.add}, {@code BigDecimal.multiply}, {@code concat} for strings and builders,
 *     {@code add} for list appends, or the merge function's source text for keyed reductions
 * @param identity the operator's identity as a Java expression ({@code 0}, {@code 1L},
 *     {@code Integer.MAX_VALUE}, {@code ""}), or empty where the shape needs none
 */
public record Accumulator(String variable, String type, Shape shape, String operator, String identity) {

  public enum Shape {
    /** A local scalar: {@code s += e}, {@code s = Math.max(s, e)}, {@code if (e > s) s = e}. */
    SCALAR,
    /** An array updated only by {@code a[f(i)] op= e}: each task gets a private copy. */
    ARRAY,
    /** {@code list.add(e)} to a local list the loop only appends to. */
    LIST_APPEND,
    /** {@code sb.append(e)} to a local builder the loop only appends to. */
    BUILDER_APPEND,
    /** {@code s += e} on a local {@code String}. */
    STRING_CONCAT,
    /** {@code map.merge(k, v, f)} and equivalent updates of a local map. */
    KEYED_MAP
  }
}
