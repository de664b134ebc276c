package lakehouse.generate;

/**
 * One generated event in the version 2 shape; a version 1 file writes {@code costMicros} as a
 * double of currency units and leaves out {@code deviceId} and {@code appVersion}.
 */
record AdEvent(
    String eventId,
    EventType eventType,
    long eventTime,
    String userId,
    String adId,
    String campaignId,
    String country,
    String device,
    String ipAddress,
    String deviceId,
    String appVersion,
    Long costMicros) {

  AdEvent withEventId(String id) {
    return new AdEvent(
        id,
        eventType,
        eventTime,
        userId,
        adId,
        campaignId,
        country,
        device,
        ipAddress,
        deviceId,
        appVersion,
        costMicros);
  }

  AdEvent withKeys(String user, String ad, String campaign) {
    return new AdEvent(
        eventId,
        eventType,
        eventTime,
        user,
        ad,
        campaign,
        country,
        device,
        ipAddress,
        deviceId,
        appVersion,
        costMicros);
  }

  AdEvent withCountry(String code) {
    return new AdEvent(
        eventId,
        eventType,
        eventTime,
        userId,
        adId,
        campaignId,
        code,
        device,
        ipAddress,
        deviceId,
        appVersion,
        costMicros);
  }

  AdEvent withCostMicros(Long micros) {
    return new AdEvent(
        eventId,
        eventType,
        eventTime,
        userId,
        adId,
        campaignId,
        country,
        device,
        ipAddress,
        deviceId,
        appVersion,
        micros);
  }
}
