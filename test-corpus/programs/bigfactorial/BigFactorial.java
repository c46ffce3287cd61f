import java.math.BigInteger;

/** BigInteger reductions: n!, a sum of cubes, and a modular product that is not a reduction form. */
public class BigFactorial {

  static final BigInteger PRIME = BigInteger.valueOf(1_000_000_007L);

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_500;
    BigInteger f = factorial(n);
    System.out.println(n + "! has " + f.bitLength() + " bits, mod p = " + f.mod(PRIME));
    BigInteger c = sumOfCubes(n);
    System.out.println("sum of cubes=" + c);
    System.out.println("n! mod p (stepwise)=" + factorialModP(n));
  }

  static BigInteger factorial(int n) {
    BigInteger p = BigInteger.ONE;
    // weft: Reduction -- BigInteger.multiply is associative
    for (int i = 2; i <= n; i++) {
      p = p.multiply(BigInteger.valueOf(i));
    }
    return p;
  }

  static BigInteger sumOfCubes(int n) {
    BigInteger s = BigInteger.ZERO;
    // weft: Reduction -- BigInteger.add
    for (int i = 1; i <= n; i++) {
      s = s.add(BigInteger.valueOf(i).pow(3));
    }
    return s;
  }

  /** p = p.multiply(v).mod(PRIME) is not of the form s = s op e. */
  static BigInteger factorialModP(int n) {
    BigInteger p = BigInteger.ONE;
    // weft: blocked LoopCarriedDependence -- p = p.multiply(v).mod(PRIME) is not a recognised reduction
    for (int i = 2; i <= n; i++) {
      p = p.multiply(BigInteger.valueOf(i)).mod(PRIME);
    }
    return p;
  }
}
