package lakehouse.gold.staging;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet files of one staged folder as their footers describe them: columns, row counts and
 * column statistics. Reading footers costs one small read per file on the driver and no Spark job,
 * and it looks at every file as written (a Spark read would infer the columns from one file only).
 */
record StagedFiles(List<StagedFile> files) {

  /** The key under which Spark's Parquet writer keeps the Spark schema in a file's footer. */
  private static final String SPARK_SCHEMA = "org.apache.spark.sql.parquet.row.metadata";

  /**
   * One Parquet file.
   *
   * @param columns the file's columns as Spark reads them
   */
  record StagedFile(Path path, StructType columns, ParquetMetadata footer) {

    long rows() {
      return footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
    }

    /** The column's null count over the file; empty when a row group does not record it. */
    Optional<Long> nulls(String column) {
      long nulls = 0;
      for (BlockMetaData block : footer.getBlocks()) {
        Optional<Statistics<?>> statistics = statistics(block, column);
        if (statistics.isEmpty() || !statistics.get().isNumNullsSet()) {
          return Optional.empty();
        }
        nulls += statistics.get().getNumNulls();
      }
      return Optional.of(nulls);
    }

    /** The column's statistics in each row group; empty when a row group has none for it. */
    List<Optional<Statistics<?>>> statistics(String column) {
      return footer.getBlocks().stream().map(block -> statistics(block, column)).toList();
    }

    private static Optional<Statistics<?>> statistics(BlockMetaData block, String column) {
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        String[] path = chunk.getPath().toArray();
        if (path.length == 1 && path[0].equals(column)) {
          return Optional.ofNullable(chunk.getStatistics());
        }
      }
      return Optional.empty();
    }
  }

  /** The data files of the folder (none when it does not exist), each with its footer. */
  static StagedFiles read(String folder, Configuration hadoop) {
    Path path = new Path(folder);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      List<StagedFile> files = new ArrayList<>();
      FileStatus[] listed;
      try {
        listed = fs.listStatus(path);
      } catch (FileNotFoundException e) {
        return new StagedFiles(List.of());
      }
      for (FileStatus status : listed) {
        String name = status.getPath().getName();
        // Spark's markers (_SUCCESS) and checksums (.crc) are not data.
        if (status.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
          files.add(file(status, hadoop));
        }
      }
      files.sort((a, b) -> a.path().getName().compareTo(b.path().getName()));
      return new StagedFiles(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the staged files in " + folder, e);
    }
  }

  private static StagedFile file(FileStatus status, Configuration hadoop) throws IOException {
    ParquetMetadata footer;
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromStatus(status, hadoop))) {
      footer = reader.getFooter();
    } catch (RuntimeException e) {
      // Parquet reports a file that is not Parquet (bad magic, truncated footer) this way.
      throw new UnreadableFileException(status.getPath() + ": " + e.getMessage(), e);
    }
    String sparkSchema = footer.getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA);
    StructType columns =
        sparkSchema != null
            ? (StructType) DataType.fromJson(sparkSchema)
            : new ParquetToSparkSchemaConverter(hadoop)
                .convert(footer.getFileMetaData().getSchema());
    return new StagedFile(status.getPath(), columns, footer);
  }

  long rows() {
    return files.stream().mapToLong(StagedFile::rows).sum();
  }

  /** A staged file that is not a readable Parquet file. */
  static final class UnreadableFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
