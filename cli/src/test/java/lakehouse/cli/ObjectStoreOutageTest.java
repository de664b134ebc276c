package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.SdkClientException;
import java.io.IOException;
import java.net.ConnectException;
import org.apache.hadoop.fs.s3a.AWSClientIOException;
import org.junit.jupiter.api.Test;

/** The one line a run prints when its s3a lake's server stops answering mid-run. */
class ObjectStoreOutageTest {
  @Test
  void s3StoppedMidRunIsOneLineNamingTheRequestAndTheAddress() {
    // What a run met when S3Proxy was killed while silver read bronze's log, as Spark wrapped it.
    ConnectException refused = new ConnectException("Connection refused");
    Exception http =
        new IOException(
            "Connect to 127.0.0.1:9123 [/127.0.0.1] failed: Connection refused", refused);
    SdkClientException sdk =
        new SdkClientException("Unable to execute HTTP request: " + http.getMessage(), http);
    AWSClientIOException s3a =
        new AWSClientIOException(
            "getFileStatus on s3a://lakehouse/lake/bronze/ad_events/_delta_log", sdk);
    Exception spark = new RuntimeException("Job aborted.", s3a);

    assertThat(ObjectStoreOutage.describe(spark))
        .hasValue(
            "the lake's object store did not answer (getFileStatus on "
                + "s3a://lakehouse/lake/bronze/ad_events/_delta_log): Connect to 127.0.0.1:9123 "
                + "[/127.0.0.1] failed: Connection refused; run again once it answers");
  }

  @Test
  void anyOtherFailureIsNotAnOutage() {
    assertThat(ObjectStoreOutage.describe(new IllegalStateException("a bug", new IOException())))
        .isEmpty();
    assertThat(
            ObjectStoreOutage.describe(
                new IOException("Pushgateway", new ConnectException("Connection refused"))))
        .as("a network failure that is not the S3 client's")
        .isEmpty();
  }
}
