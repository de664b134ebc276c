/**
 * The landing-data generator: Avro files as producers would deliver them to {@code
 * landing/ad_events/ingest_date=YYYY-MM-DD/}, for the demo, benchmarks and tests.
 *
 * <p>It stands where a producer stands, outside the lakehouse: it writes only what the contract's
 * input section allows (registered schema versions, or on request the broken files the lakehouse
 * must reject), and knows the layers only through the contract. So it imports {@code
 * lakehouse.shared} (lake layout, schema registry, atomic file writes) and never bronze, silver,
 * gold, the online store or the command line; and it starts no Spark, so the same arguments give
 * the same bytes on any machine.
 */
package lakehouse.generate;
