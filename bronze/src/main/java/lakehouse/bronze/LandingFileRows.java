package lakehouse.bronze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.FsInput;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * Streams the rows of one accepted landing file, one record in memory at a time. It fails if the
 * file no longer holds the records its inspection counted (it changed since), so that the batch it
 * belongs to is not committed with a partial file.
 */
final class LandingFileRows implements Iterator<Row> {
  private final DataFileReader<GenericRecord> reader;
  private final FileInspection inspection;
  private final AdEventRowMapper mapper;
  private final LocalDate ingestDate;
  private final String runId;
  private long position;
  private boolean closed;

  LandingFileRows(
      FileInspection inspection,
      AdEventRowMapper mapper,
      LocalDate ingestDate,
      String runId,
      Configuration hadoop) {
    this.inspection = inspection;
    this.mapper = mapper;
    this.ingestDate = ingestDate;
    this.runId = runId;
    try {
      this.reader =
          new DataFileReader<>(
              new FsInput(new Path(inspection.file().path()), hadoop), new GenericDatumReader<>());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open landing file " + inspection.file().relativePath(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    if (reader.hasNext()) {
      return true;
    }
    close();
    if (position != inspection.records()) {
      throw new IllegalStateException(
          "landing file "
              + inspection.file().relativePath()
              + " changed while it was "
              + "ingested: "
              + position
              + " records read, "
              + inspection.records()
              + " inspected");
    }
    return false;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    GenericRecord record = reader.next();
    return mapper.toRow(
        record, inspection.schemaVersion(), inspection.file(), position++, ingestDate, runId);
  }

  private void close() {
    closed = true;
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
