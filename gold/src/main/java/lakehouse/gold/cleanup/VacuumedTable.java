package lakehouse.gold.cleanup;

/**
 * The files VACUUM removed (or, on a dry run, would remove) from one table.
 *
 * @param table where the table lives relative to the lake root
 */
public record VacuumedTable(String table, long files) {}
