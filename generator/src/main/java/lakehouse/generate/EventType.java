package lakehouse.generate;

/** The symbols of the schemas' EventType enum. */
enum EventType {
  IMPRESSION,
  CLICK,
  CONVERSION
}
