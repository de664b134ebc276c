package lakehouse.shared.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LakeStorageTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "./lake",
        "lake",
        "/data/lake",
        "/data/lake:2026",
        "file:/data/lake",
        "file:///data/lake",
        "FILE:///data/lake",
        "file:lake",
        "C:\\lakes\\ads"
      })
  void plainPathsAndFileUrisAreLocal(String root) {
    assertThat(LakeStorage.of(root)).isEqualTo(LakeStorage.LOCAL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3a://bucket/lake",
        "s3://bucket/lake",
        "S3A://bucket/lake",
        "s3n://bucket/lake",
        "gs://bucket/lake",
        "abfss://container@account.dfs.core.windows.net/lake",
        "wasbs://c@a.blob.core.windows.net/l"
      })
  void cloudBucketsAreObjectStores(String root) {
    assertThat(LakeStorage.of(root)).isEqualTo(LakeStorage.OBJECT_STORE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hdfs://namenode:8020/lake",
        "hdfs:///lake",
        "viewfs://cluster/lake",
        "webhdfs://namenode:9870/lake",
        "o3fs://bucket.volume/lake"
      })
  void clusterFileSystemsAreHdfs(String root) {
    assertThat(LakeStorage.of(root)).isEqualTo(LakeStorage.HDFS);
  }

  @Test
  void aHadoopSchemeIsClassifiedLikeTheRootItCameFrom() {
    assertThat(LakeStorage.ofScheme("file")).isEqualTo(LakeStorage.LOCAL);
    assertThat(LakeStorage.ofScheme(null)).isEqualTo(LakeStorage.LOCAL);
    assertThat(LakeStorage.ofScheme("s3a")).isEqualTo(LakeStorage.OBJECT_STORE);
    assertThat(LakeStorage.ofScheme("hdfs")).isEqualTo(LakeStorage.HDFS);
  }

  @Test
  @DisplayName("only a local lake takes file locks, and every other takes the writer lease")
  void onlyALocalLakeTakesFileLocks() {
    assertThat(LakeStorage.LOCAL.takesFileLock()).isTrue();
    assertThat(LakeStorage.LOCAL.takesWriterLease()).isFalse();
    assertThat(LakeStorage.OBJECT_STORE.takesFileLock()).isFalse();
    assertThat(LakeStorage.OBJECT_STORE.takesWriterLease()).isTrue();
    assertThat(LakeStorage.HDFS.takesFileLock()).isFalse();
    assertThat(LakeStorage.HDFS.takesWriterLease()).isTrue();
  }

  @Test
  void onlyObjectStoresWriteFilesWithoutRename() {
    assertThat(LakeStorage.OBJECT_STORE.isObjectStore()).isTrue();
    assertThat(LakeStorage.HDFS.isObjectStore()).isFalse();
    assertThat(LakeStorage.LOCAL.isObjectStore()).isFalse();
  }

  @Test
  void aFileUriNamesTheSameLocalPathAsThePlainPath() {
    assertThat(LakeStorage.localPath("file:///data/lake")).isEqualTo(Path.of("/data/lake"));
    assertThat(LakeStorage.localPath("file:/data/lake")).isEqualTo(Path.of("/data/lake"));
    assertThat(LakeStorage.localPath("file:lake")).isEqualTo(Path.of("lake"));
    assertThat(LakeStorage.localPath("/data/lake")).isEqualTo(Path.of("/data/lake"));
  }

  @Test
  void aRemoteRootHasNoLocalPath() {
    assertThatThrownBy(() -> LakeStorage.localPath("hdfs://namenode/lake"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hdfs://namenode/lake");
  }
}
