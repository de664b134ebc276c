package lakehouse.generate;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

/**
 * Encodes an event straight into the binary form of a record schema whose fields it knows by name
 * (version 1, version 2, or a variant of them), with no record object in between: the generator's
 * hot path. A field it does not know must be nullable and is written as null. Version 1's {@code
 * cost} is the event's micros divided by 10^6, which converts back exactly when rounded.
 */
final class AdEventDatumWriter implements DatumWriter<AdEvent> {
  private static final List<String> KNOWN_FIELDS =
      List.of(
          "event_id",
          "event_type",
          "event_time",
          "user_id",
          "ad_id",
          "campaign_id",
          "country",
          "device",
          "ip_address",
          "device_id",
          "app_version",
          "cost",
          "cost_micros");
  private static final List<Schema.Type> KNOWN_TYPES =
      List.of(
          Schema.Type.STRING,
          Schema.Type.ENUM,
          Schema.Type.LONG,
          Schema.Type.STRING,
          Schema.Type.STRING,
          Schema.Type.STRING,
          Schema.Type.STRING,
          Schema.Type.STRING,
          Schema.Type.STRING,
          Schema.Type.STRING,
          Schema.Type.STRING,
          Schema.Type.DOUBLE,
          Schema.Type.LONG);
  private static final int UNKNOWN = -1;
  private static final int NOT_A_UNION = -1;

  /**
   * Per field of the schema, in order: which event value, and the union branches for null and
   * value.
   */
  private int[] sources;

  private int[] nullBranch;
  private int[] valueBranch;
  private String[] fieldNames;

  /** The schema's enum index of each EventType. */
  private final Map<EventType, Integer> eventTypeIndex = new EnumMap<>(EventType.class);

  AdEventDatumWriter(Schema schema) {
    setSchema(schema);
  }

  @Override
  public void setSchema(Schema schema) {
    List<Schema.Field> fields = schema.getFields();
    sources = new int[fields.size()];
    nullBranch = new int[fields.size()];
    valueBranch = new int[fields.size()];
    fieldNames = new String[fields.size()];
    for (Schema.Field field : fields) {
      int pos = field.pos();
      fieldNames[pos] = field.name();
      sources[pos] = KNOWN_FIELDS.indexOf(field.name());
      nullBranch[pos] = NOT_A_UNION;
      valueBranch[pos] = NOT_A_UNION;
      Schema valueSchema = field.schema();
      if (valueSchema.getType() == Schema.Type.UNION) {
        List<Schema> branches = valueSchema.getTypes();
        for (int b = 0; b < branches.size(); b++) {
          if (branches.get(b).getType() == Schema.Type.NULL) {
            nullBranch[pos] = b;
          } else {
            valueBranch[pos] = b;
            valueSchema = branches.get(b);
          }
        }
        if (nullBranch[pos] == NOT_A_UNION || branches.size() != 2) {
          throw new IllegalArgumentException(
              "field " + field.name() + " must be a union of null and one type");
        }
      }
      if (sources[pos] == UNKNOWN) {
        if (nullBranch[pos] == NOT_A_UNION) {
          throw new IllegalArgumentException("cannot fill the non-nullable field " + field.name());
        }
      } else if (valueSchema.getType() != KNOWN_TYPES.get(sources[pos])) {
        throw new IllegalArgumentException(
            "field " + field.name() + " must be " + KNOWN_TYPES.get(sources[pos]));
      }
      if (field.name().equals("event_type")) {
        for (EventType type : EventType.values()) {
          eventTypeIndex.put(type, valueSchema.getEnumOrdinal(type.name()));
        }
      }
    }
  }

  @Override
  public void write(AdEvent event, Encoder out) throws IOException {
    for (int pos = 0; pos < sources.length; pos++) {
      switch (sources[pos]) {
        case 0 -> string(pos, event.eventId(), out);
        case 1 -> {
          present(pos, out);
          out.writeEnum(eventTypeIndex.get(event.eventType()));
        }
        case 2 -> {
          present(pos, out);
          out.writeLong(event.eventTime());
        }
        case 3 -> string(pos, event.userId(), out);
        case 4 -> string(pos, event.adId(), out);
        case 5 -> string(pos, event.campaignId(), out);
        case 6 -> string(pos, event.country(), out);
        case 7 -> string(pos, event.device(), out);
        case 8 -> string(pos, event.ipAddress(), out);
        case 9 -> string(pos, event.deviceId(), out);
        case 10 -> string(pos, event.appVersion(), out);
        case 11 -> {
          if (event.costMicros() == null) {
            absent(pos, out);
          } else {
            present(pos, out);
            out.writeDouble(event.costMicros() / 1_000_000.0);
          }
        }
        case 12 -> {
          if (event.costMicros() == null) {
            absent(pos, out);
          } else {
            present(pos, out);
            out.writeLong(event.costMicros());
          }
        }
        default -> absent(pos, out);
      }
    }
  }

  private void string(int pos, String value, Encoder out) throws IOException {
    if (value == null) {
      absent(pos, out);
    } else {
      present(pos, out);
      out.writeString(value);
    }
  }

  private void present(int pos, Encoder out) throws IOException {
    if (valueBranch[pos] != NOT_A_UNION) {
      out.writeIndex(valueBranch[pos]);
    }
  }

  private void absent(int pos, Encoder out) throws IOException {
    if (nullBranch[pos] == NOT_A_UNION) {
      throw new IllegalArgumentException(
          "field " + fieldNames[pos] + " is not nullable but the event has no value");
    }
    out.writeIndex(nullBranch[pos]);
    out.writeNull();
  }
}
