package lakehouse.generate;

/** Which case a generated record is in; every record is in exactly one. */
enum EventCase {
  REGULAR,
  LATE,
  DUPLICATE,
  INVALID,
  FUTURE,
  TOO_LATE
}
