package lakehouse.chaos;

/**
 * A guarantee of the contract found broken: which one, where, and the rows that show it.
 *
 * @param invariant the guarantee, in the words the scenario table uses
 * @param detail the table, partition and rows
 */
public record Violation(String invariant, String detail) {
  @Override
  public String toString() {
    return invariant + ": " + detail;
  }
}
