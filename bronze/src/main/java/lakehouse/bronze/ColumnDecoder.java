package lakehouse.bronze;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import lakehouse.shared.pii.PiiTokenizer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Decodes one Avro field from the binary encoding into one column of a bronze row. Values come out
 * exactly as Avro's generic reader followed by Spark's conversion of Java values would have made
 * them: text through Java's UTF-8 decoding, timestamps through {@link Timestamp}.
 */
interface ColumnDecoder {
  void decode(Decoder in, GenericInternalRow row) throws IOException;

  /** Reads and drops a field that bronze has no column for. */
  static ColumnDecoder skip(Schema schema) {
    return (in, row) -> GenericDatumReader.skip(schema, in);
  }

  /**
   * The decoder of a field of this Avro type into the column at {@code ordinal}, of type {@code
   * column}; with a tokenizer, the field's text is replaced by its token.
   *
   * @throws IllegalArgumentException when the column cannot hold the field
   */
  static ColumnDecoder of(Schema schema, int ordinal, DataType column, PiiTokenizer tokenizer) {
    if (tokenizer != null) {
      return switch (schema.getType()) {
        case STRING -> {
          requireColumn(schema, column, DataTypes.StringType);
          Utf8 scratch = new Utf8();
          yield (in, row) -> row.update(ordinal, AvroText.token(in.readString(scratch), tokenizer));
        }
        case UNION -> union(schema, ordinal, column, tokenizer);
        default -> throw unsupported(schema, column);
      };
    }
    return switch (schema.getType()) {
      case STRING -> text(ordinal, column, schema);
      case ENUM -> symbol(schema, ordinal, column);
      case LONG -> whole(schema, ordinal, column);
      case DOUBLE -> {
        requireColumn(schema, column, DataTypes.DoubleType);
        yield (in, row) -> row.setDouble(ordinal, in.readDouble());
      }
      case UNION -> union(schema, ordinal, column, null);
      default -> throw unsupported(schema, column);
    };
  }

  private static ColumnDecoder text(int ordinal, DataType column, Schema schema) {
    requireColumn(schema, column, DataTypes.StringType);
    Utf8 scratch = new Utf8();
    return (in, row) -> row.update(ordinal, AvroText.of(in.readString(scratch)));
  }

  private static ColumnDecoder symbol(Schema schema, int ordinal, DataType column) {
    requireColumn(schema, column, DataTypes.StringType);
    UTF8String[] symbols =
        schema.getEnumSymbols().stream().map(UTF8String::fromString).toArray(UTF8String[]::new);
    return (in, row) -> {
      int index = in.readEnum();
      if (index < 0 || index >= symbols.length) {
        throw new AvroRuntimeException(
            "enum index " + index + " out of range for " + schema.getFullName());
      }
      row.update(ordinal, symbols[index]);
    };
  }

  /** A long: as it is into a long column, as epoch milliseconds into a timestamp column. */
  private static ColumnDecoder whole(Schema schema, int ordinal, DataType column) {
    if (column.equals(DataTypes.LongType)) {
      return (in, row) -> row.setLong(ordinal, in.readLong());
    }
    LogicalType logical = schema.getLogicalType();
    if (column.equals(DataTypes.TimestampType)
        && (logical == null || logical.equals(LogicalTypes.timestampMillis()))) {
      // Through java.sql.Timestamp, as Spark converts external values: identical micros for every
      // instant, including those before the Gregorian switch, which Spark rebases.
      return (in, row) ->
          row.setLong(ordinal, DateTimeUtils.fromJavaTimestamp(new Timestamp(in.readLong())));
    }
    throw unsupported(schema, column);
  }

  /** A union of null and one type (in either order): null, or the value of the other branch. */
  private static ColumnDecoder union(
      Schema schema, int ordinal, DataType column, PiiTokenizer tokenizer) {
    List<Schema> branches = schema.getTypes();
    ColumnDecoder[] decoders = new ColumnDecoder[branches.size()];
    for (int i = 0; i < decoders.length; i++) {
      Schema branch = branches.get(i);
      if (branch.getType() == Schema.Type.NULL) {
        decoders[i] = (in, row) -> row.setNullAt(ordinal);
      } else if (branch.getType() == Schema.Type.UNION) {
        throw unsupported(schema, column);
      } else {
        decoders[i] = of(branch, ordinal, column, tokenizer);
      }
    }
    return (in, row) -> {
      int index = in.readIndex();
      if (index < 0 || index >= decoders.length) {
        throw new AvroRuntimeException("union index " + index + " out of range for " + schema);
      }
      decoders[index].decode(in, row);
    };
  }

  private static void requireColumn(Schema schema, DataType column, DataType expected) {
    if (!column.equals(expected)) {
      throw unsupported(schema, column);
    }
  }

  private static IllegalArgumentException unsupported(Schema schema, DataType column) {
    return new IllegalArgumentException(
        "a bronze column of type " + column.simpleString() + " cannot hold Avro " + schema);
  }
}
